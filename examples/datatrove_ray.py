"""Clean JSONL shards with cleaner on a Ray cluster through datatrove.

On a cluster: start Ray on the nodes (``ray start --head`` / ``ray start --address=...``),
install ``cleaner[datatrove]`` and ``ray`` in the same environment on every node, and keep
INPUT, OUTPUT and the logging folder on storage every node sees.  Then:

    python3 examples/datatrove_ray.py /shared/pages /shared/clean --logs /shared/logs/clean \\
        --address auto --tasks 1000 --workers 64

On one machine (a local Ray started by the script with N CPUs):

    python3 examples/datatrove_ray.py pages/ clean/ --logs logs/ --local-cpus 2 --tasks 4 --workers 2

Ray copies the pipeline to its workers with cloudpickle; each Ray task runs one datatrove
task (``tasks_per_job`` groups several).  Finished tasks are marked in LOGS/completions/,
so a re-run only does what is left.
"""

from __future__ import annotations

import argparse

import ray
from datatrove.executor import RayPipelineExecutor
from datatrove.pipeline.readers import JsonlReader
from datatrove.pipeline.writers import JsonlWriter

from cleaner.integrations.datatrove import CleanerStep


def build_executor(input_dir: str, output_dir: str, logging_dir: str, tasks: int = 1000,
                   workers: int = 64, mode: str = "clean", preset: str | None = None,
                   **overrides) -> RayPipelineExecutor:
    return RayPipelineExecutor(
        pipeline=[
            JsonlReader(input_dir),
            CleanerStep(mode, preset,
                        exclusion_writer=JsonlWriter(f"{logging_dir}/excluded"), **overrides),
            JsonlWriter(output_dir),
        ],
        tasks=tasks,            # input files are dealt to tasks: keep tasks <= number of files
        workers=workers,        # Ray tasks in flight at once (-1: all)
        cpus_per_task=1,        # cleaner is single-threaded
        mem_per_cpu_gb=2,       # memory Ray reserves per task
        tasks_per_job=1,        # datatrove tasks per Ray task (more: fewer, longer Ray tasks)
        time=None,              # seconds before a Ray task is killed and retried; None: no limit
        logging_dir=logging_dir,
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("input")
    parser.add_argument("output")
    parser.add_argument("--logs", required=True, help="logging folder: stats, completions, excluded documents")
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--address", help="address of a running Ray cluster ('auto' on a node of it)")
    where.add_argument("--local-cpus", type=int, help="start a local Ray with this many CPUs")
    parser.add_argument("--tasks", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=64)
    parser.add_argument("--mode", choices=["clean", "split"], default="clean")
    parser.add_argument("--preset", choices=["balanced", "precision", "recall"])
    parser.add_argument("--language")
    args = parser.parse_args(argv)

    if args.address:
        ray.init(address=args.address)
    else:
        ray.init(num_cpus=args.local_cpus, include_dashboard=False)
    try:
        overrides = {"language": args.language} if args.language else {}
        build_executor(
            args.input, args.output, args.logs,
            args.tasks, args.workers, args.mode, args.preset, **overrides,
        ).run()
    finally:
        ray.shutdown()


if __name__ == "__main__":
    main()
