"""Clean JSONL shards with cleaner on a Slurm cluster through datatrove.

Every node needs the same environment: ``pip install 'cleaner[datatrove]'`` in a venv (or
conda env) on a shared filesystem, named below with ``--venv``.  INPUT, OUTPUT and the
logging folder must be visible to every node (shared filesystem, or s3://... with
``pip install 'datatrove[s3]'``).  The executor pickles the pipeline into the logging
folder and submits one Slurm job array; each array task runs one datatrove task.

    python3 examples/datatrove_slurm.py /shared/pages /shared/clean --logs /shared/logs/clean \\
        --partition cpu --venv /shared/envs/cleaner/bin/activate --tasks 1000 --workers 200
    python3 examples/datatrove_slurm.py ... --print-script    # show the sbatch script, submit nothing

Re-running the same command resubmits only the tasks that did not complete (datatrove
marks finished tasks in LOGS/completions/).
"""

from __future__ import annotations

import argparse

from datatrove.executor import SlurmPipelineExecutor
from datatrove.pipeline.readers import JsonlReader
from datatrove.pipeline.writers import JsonlWriter

from cleaner.integrations.datatrove import CleanerStep


def build_executor(input_dir: str, output_dir: str, logging_dir: str, partition: str,
                   venv: str | None = None, tasks: int = 1000, workers: int = 200,
                   time: str = "04:00:00", mode: str = "clean", preset: str | None = None,
                   sbatch_args: dict | None = None, **overrides) -> SlurmPipelineExecutor:
    return SlurmPipelineExecutor(
        pipeline=[
            JsonlReader(input_dir),
            CleanerStep(mode, preset,
                        exclusion_writer=JsonlWriter(f"{logging_dir}/excluded"), **overrides),
            JsonlWriter(output_dir),
        ],
        job_name="cleaner",
        tasks=tasks,            # input files are dealt to tasks: keep tasks <= number of files
        workers=workers,        # array tasks running at once (-1: as many as Slurm allows)
        time=time,              # wall-clock limit of one task
        partition=partition,
        cpus_per_task=1,        # cleaner is single-threaded: scale with tasks, not cpus
        mem_per_cpu_gb=2,       # a task holds one document at a time; 2 GB is ample
        venv_path=venv,         # or env_command="module load ...; source ..." / condaenv="name"
        logging_dir=logging_dir,
        sbatch_args=sbatch_args or {},  # e.g. {"account": "my-project"}
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("input")
    parser.add_argument("output")
    parser.add_argument("--logs", required=True, help="logging folder: stats, completions, excluded documents")
    parser.add_argument("--partition", required=True)
    parser.add_argument("--venv", help="activate script of the environment with cleaner installed")
    parser.add_argument("--account", help="Slurm account to charge")
    parser.add_argument("--tasks", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=200)
    parser.add_argument("--time", default="04:00:00")
    parser.add_argument("--mode", choices=["clean", "split"], default="clean")
    parser.add_argument("--preset", choices=["balanced", "precision", "recall"])
    parser.add_argument("--language")
    parser.add_argument("--print-script", action="store_true", help="print the sbatch script, submit nothing")
    args = parser.parse_args(argv)

    overrides = {"language": args.language} if args.language else {}
    executor = build_executor(
        args.input, args.output, args.logs, args.partition, args.venv, args.tasks, args.workers,
        args.time, args.mode, args.preset, {"account": args.account} if args.account else None,
        **overrides,
    )
    if args.print_script:
        print(executor.get_launch_file_contents(
            executor.get_sbatch_args(min(args.tasks, executor.max_array_size)),
            f"srun -l launch_pickled_pipeline {executor.logging_dir.resolve_paths('executor.pik')}",
        ))
        return
    executor.run()


if __name__ == "__main__":
    main()
