"""The pattern catalogues: every rule's examples and counterexamples, the loader's
validation, the merged matcher, ordinary body prose in every catalogue language, and the
labelled seeds' boilerplate lines."""

from __future__ import annotations

from pathlib import Path

import pytest

from cleaner import gatecache
from cleaner.catalogue import (
    CatalogueError,
    Matcher,
    Rule,
    load_directory,
    load_rules,
    matcher,
)
from cleaner.catalogue.load import _load_file
from cleaner.catalogue.match import _by_words
from cleaner.features import strip_bullet
from cleaner.segment import normalize
from strategies import closes_article

RULES = load_rules()
ROOT = Path(__file__).resolve().parent.parent
CATALOGUE_LANGUAGES = ("en", "de", "fr", "es", "it", "pt", "pl")


def _ids(rules):
    return [r.id for r in rules]


# ----------------------------------------------------------------- per-rule examples

@pytest.mark.parametrize("rule", RULES, ids=_ids(RULES))
def test_examples_fire(rule):
    missed = [e for e in rule.examples if not rule.fires(e)]
    assert not missed, f"{rule.id} does not fire on {missed}"


@pytest.mark.parametrize("rule", RULES, ids=_ids(RULES))
def test_counterexamples_do_not_fire(rule):
    fired = [c for c in rule.counterexamples if rule.fires(c)]
    assert not fired, f"{rule.id} fires on {fired}"


def _top_level_branches(pattern: str) -> list[str]:
    """The alternatives of a pattern at nesting depth 0."""
    out, cur, depth, in_class, escaped = [], [], 0, False, False
    for ch in pattern:
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            out.append("".join(cur))
            cur = []
            continue
        cur.append(ch)
    out.append("".join(cur))
    return out


@pytest.mark.parametrize("rule", RULES, ids=_ids(RULES))
def test_anchored_patterns_are_anchored_in_every_branch(rule):
    """The matcher tries a pattern that starts with ``^`` at the line start only, so an
    unanchored alternative of such a pattern would silently never fire mid-line."""
    if rule.pattern.startswith("^"):
        loose = [b for b in _top_level_branches(rule.pattern) if not b.startswith("^")]
        assert not loose, f"{rule.id}: unanchored alternatives {loose}"


def test_every_catalogue_language_has_the_main_categories():
    cats = {"share", "meta", "caption", "appeal", "related", "nav", "ui", "legal", "ad",
            "comments", "bio"}
    for lang in CATALOGUE_LANGUAGES:
        have = {r.category for r in RULES if r.language == lang}
        assert cats <= have, f"{lang} lacks {sorted(cats - have)}"
    assert {r.category for r in RULES if r.language == "common"} >= {"share", "nav", "legal"}


def test_rule_ids_are_unique():
    ids = _ids(RULES)
    assert len(ids) == len(set(ids))


# ----------------------------------------------------------------- the matcher

def _match(m: Matcher, text: str):
    body = strip_bullet(normalize(text))
    return m.match(body, len(body.split()), lambda _rid: True, None)


def _probe_lines() -> list[str]:
    """Every example and counterexample, plus lines spliced from them (a rule's words
    inside a longer line, upper case, brackets around) to exercise the prefilters."""
    texts = sorted({t for r in RULES for t in (*r.examples, *r.counterexamples)})
    spliced = []
    for i, text in enumerate(texts):
        other = texts[(i * 7919 + 13) % len(texts)]
        variant = (f"{other} {text}", text.upper(), f"({text})")[i % 3]
        spliced += [f"{text} {other}", variant]
    return texts + spliced


@pytest.fixture(scope="module")
def firing():
    """Probe line -> ids of every rule that fires on it, tried one by one."""
    return {text: {r.id for r in RULES if r.fires(normalize(text))} for text in _probe_lines()}


@pytest.mark.parametrize("language", [None, "common", *CATALOGUE_LANGUAGES])
def test_matcher_returns_the_first_firing_rule(language, firing):
    """The start-token and literal prefilters skip only rules that cannot fire: on every
    probe line the matcher returns the first rule that fires, anchored rules first, each
    kind in catalogue order."""
    m = matcher(language)
    order = [r.id for r in m.rules if r.pattern.startswith("^")]
    order += [r.id for r in m.rules if not r.pattern.startswith("^")]
    wrong = {}
    for text, fired in firing.items():
        found = _match(m, text)
        expected = next((rid for rid in order if rid in fired), None)
        if (found.id if found else None) != expected:
            wrong[text] = (found.id if found else None, expected)
    assert not wrong, dict(list(wrong.items())[:10])


@pytest.mark.parametrize("language", CATALOGUE_LANGUAGES)
def test_examples_inside_articles_are_not_taken_by_closing_rules(language):
    """An example of a rule whose line may stand between paragraphs (a meta line, a share
    row) is not caught first by a rule whose line closes the article (the comments
    header, a related-stories header): a page with that line would lose its text after it."""
    m = matcher(language)
    taken = {}
    for rule in m.rules:
        if closes_article(rule):
            continue
        for example in rule.examples:
            found = _match(m, example)
            if found is not None and closes_article(found):
                taken[example] = (rule.id, found.id)
    assert not taken, taken


def test_matcher_respects_disabled_rules():
    m = matcher("en")
    body = "Read more"
    assert m.match(body, 2, lambda rid: True, None).id == "en.related.read_more"
    assert m.match(body, 2, lambda rid: not rid.startswith("en.related."), None) is None


# ----------------------------------------------------------------- loader validation

GOOD_RULE = """
[[rules]]
id = "en.share.demo"
pattern = '^share$'
max_words = 1
examples = ["Share"]
counterexamples = ["Share prices fell."]
note = "demo"
"""


def _write(tmp_path, text, name="share.toml", lang="en"):
    path = tmp_path / lang / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_loader_accepts_a_good_file(tmp_path):
    rules = _load_file(_write(tmp_path, GOOD_RULE), "en", "share")
    assert [r.id for r in rules] == ["en.share.demo"]
    assert rules[0].fires("Share") and not rules[0].fires("Share prices fell.")


@pytest.mark.parametrize(
    "text, message",
    [
        ("[[rules]\nid = 1", "patterns/en/share.toml"),  # not TOML
        ("title = 'x'\n" + GOOD_RULE, "unknown top-level keys"),
        (GOOD_RULE.replace('note = "demo"', 'note = "demo"\nweight = 2'), "unknown keys"),
        (GOOD_RULE.replace("en.share.demo", "en.ui.demo"), "must be 'en.share.<name>'"),
        (GOOD_RULE.replace("en.share.demo", "en.share.demo.x"), "must be 'en.share.<name>'"),
        (GOOD_RULE.replace("pattern = '^share$'\n", ""), "missing pattern"),
        (GOOD_RULE.replace("'^share$'", "'^(?P<x>share)$'"), "named groups"),
        (GOOD_RULE.replace("'^share$'", r"'^(share)\1$'"), "back-references"),
        (GOOD_RULE.replace("'^share$'", "'^(share$'"), "does not compile"),
        (GOOD_RULE.replace("'^share$'", "'^(?:share)?$'"), "matches the empty string"),
        (GOOD_RULE.replace('examples = ["Share"]\n', ""), "needs at least one example"),
    ],
    ids=["toml", "top-level", "rule-key", "id-category", "id-shape", "no-pattern",
         "named-group", "backref", "compile", "empty", "no-example"],
)
def test_loader_rejects_bad_files(tmp_path, text, message):
    with pytest.raises(CatalogueError, match=message) as info:
        _load_file(_write(tmp_path, text), "en", "share")
    assert "patterns/en/share.toml" in str(info.value)


def test_a_shipped_file_read_from_the_prebuilt_cache_gives_the_keys_the_rules_have():
    """Rules read from a file the prebuilt cache holds take their keys from it; each is
    the key their own entry gives (`cleaner.gatecache.rule_key`)."""
    assert all(r.key == gatecache.rule_key(r.pattern, r.case_sensitive, r.min_words, r.max_words,
                                           r.examples) for r in RULES)


def test_a_shipped_file_copied_under_another_category_is_still_checked(tmp_path):
    """A file the cache holds, in a folder where its rule ids do not belong, is refused."""
    text = (ROOT / "cleaner" / "patterns" / "en" / "share.toml").read_text(encoding="utf-8")
    with pytest.raises(CatalogueError, match="must be 'en.ui.<name>'"):
        _load_file(_write(tmp_path, text, "ui.toml"), "en", "ui")


def test_directory_loader_rejects_duplicates_and_unknown_categories(tmp_path):
    _write(tmp_path, GOOD_RULE)
    assert _ids(load_directory(tmp_path)) == ["en.share.demo"]
    _write(tmp_path, GOOD_RULE.replace("en.share.demo", "en.weather.demo"), "weather.toml")
    with pytest.raises(CatalogueError, match="unknown category 'weather'"):
        load_directory(tmp_path)
    (tmp_path / "en" / "weather.toml").unlink()
    _write(tmp_path, GOOD_RULE, lang="xx")  # same id in another language folder
    with pytest.raises(CatalogueError, match="rule id 'en.share.demo' must be 'xx.share"):
        load_directory(tmp_path)
    (tmp_path / "xx" / "share.toml").unlink()
    _write(tmp_path, GOOD_RULE + GOOD_RULE.replace('note = "demo"', 'note = "again"'))
    with pytest.raises(CatalogueError, match="duplicate rule id en.share.demo"):
        load_directory(tmp_path)


# ----------------------------------------------------------------- ordinary body prose

BODY = {
    "en": [
        "Follow the money, the investigators said.",
        "He read more than 200 books while he was in prison.",
        "The company said it would close the plant by the end of the year.",
        "She shared a photo with reporters outside the court.",
        "Share prices fell sharply after the announcement on Tuesday.",
        "Subscribers to the service will pay more from January, the firm said.",
        "The newsletter was first printed in 1952 by a group of teachers.",
        "Comments from the minister angered the unions.",
        "Related charges were filed against two other men last week.",
        "By Tuesday, the committee had approved the plan.",
        "Updated figures were published on Monday by the statistics office.",
        "Photographs by the victim's family were shown to the jury.",
        "Support for the measure has grown among rural voters.",
        "Most read the report before the meeting, according to two officials.",
        "Next week the council will vote on the budget.",
        "Home prices rose for the third month in a row.",
        "Search teams found the missing hikers early on Sunday.",
        "Close to 200 people attended the memorial service.",
        "Privacy is a fundamental right, the judge wrote in her ruling.",
        "Advertising revenue fell 12 percent in the quarter.",
        "The study found that many websites use cookies without asking for consent.",
        "Sign language interpreters will attend every public meeting.",
        "Readers wrote in to complain about the new crossword.",
        "The bridge will be closed to traffic for six weeks.",
        "Donations to the food bank doubled over the holidays.",
        "The reporter, who was detained in March, has been released.",
        "Smith is a reporter who covered the war for two decades before retiring.",
        "Share your concerns with your doctor before you stop the medication.",
        "Members only voted on the second motion after a long debate.",
        "Continue reading the instructions before you assemble the shelf.",
        "Load the dishwasher only when it is full, the guide advises.",
        "The police said the suspect had fled on foot.",
        "Prices at the pump have fallen for five weeks in a row.",
        "Officials said the new rules would take effect in March.",
        "Sales of electric cars rose by a third last year.",
        "The museum will reopen after a two-year renovation.",
        "Voters in the district will elect a new mayor on Sunday.",
        "The storm knocked out power to thousands of homes.",
        "Tags on the luggage were checked twice before boarding.",
        "Print editions will continue on weekends, the publisher said.",
        "Contact with the crew was lost shortly after take-off.",
        "Latest figures show a rise in the number of apprentices.",
    ],
    "de": [
        "Die Regierung will das Gesetz noch vor dem Sommer verabschieden.",
        "Der Konzern kündigte an, das Werk Ende des Jahres zu schließen.",
        "Teilen Sie Ihre Sorgen mit Ihrem Arzt, rät die Expertin.",
        "Folgen Sie uns auf einer Reise durch die Alpen.",
        "Von Berlin aus fuhr der Zug weiter nach Hamburg.",
        "Am 8. November 2021 begann der Prozess vor dem Landgericht.",
        "Mehr als die Hälfte der Befragten stimmte dem Vorschlag zu.",
        "Weitere zwei Jahre bleibt der Trainer beim Verein.",
        "Kommentare des Ministers sorgten für Ärger in der Koalition.",
        "Anzeige gegen Unbekannt wurde bei der Polizei erstattet.",
        "Werbung für Tabak ist in vielen Ländern verboten.",
        "Datenschutz ist ein Grundrecht, betont das Gericht.",
        "Spenden sammelt der Verein seit vielen Jahren für Kinder in Not.",
        "Die Zeitung verschickt ihren Newsletter seit 2010 an alle Abonnenten.",
        "Der Journalist ist seit März in Haft, teilte das Ministerium mit.",
        "Schließen will die Firma das Werk nicht, sagte der Sprecher.",
        "Weiter geht es am Montag mit der zweiten Runde der Gespräche.",
        "Zurück zur Arbeit ging er erst im Mai.",
        "Über den Autor ist wenig bekannt, schreibt der Verlag.",
        "Die Preise für Energie sind im vergangenen Jahr stark gestiegen.",
        "In der Stadt wurden drei neue Schulen gebaut.",
        "Die Polizei sucht weiter nach dem flüchtigen Täter.",
        "Der Bürgermeister eröffnete am Samstag das neue Schwimmbad.",
        "Die Inflation lag im März bei 7,3 Prozent, wie das Amt mitteilte.",
        "Viele Eltern klagen über fehlende Plätze in den Kitas.",
        "Die Mannschaft gewann das Spiel mit zwei zu eins.",
        "Der Bahnverkehr war wegen des Sturms stundenlang unterbrochen.",
        "Nach Angaben der Feuerwehr wurde niemand verletzt.",
        "Die Studie zeigt, dass viele Webseiten Cookies ohne Zustimmung setzen.",
        "Bilder von der Feier zeigen glückliche Gäste.",
        "Das Museum öffnet nach zwei Jahren Umbau wieder seine Türen.",
        "Die Gewerkschaft fordert acht Prozent mehr Lohn.",
        "Ich stimme Ihnen zu, dass die Lage ernst ist.",
        "Auch im Winter bleibt der Park geöffnet.",
        "Was denken Sie?",
        "Der Minister sagt:",
        "Startseite der Stadt wurde im Frühjahr neu gestaltet, berichtet das Amt.",
        "Kontakt zu den Entführern gab es nach Angaben der Behörden nicht.",
        "Themen wie Klima und Migration bestimmen den Wahlkampf.",
        "Die Ärztin empfiehlt, mehr Wasser zu trinken.",
    ],
    "fr": [
        "Le gouvernement veut adopter la loi avant l'été.",
        "Par ailleurs, la ville a voté un budget en hausse.",
        "Partager les richesses est une priorité, a déclaré la ministre.",
        "Suivez-nous dans les rues de Lyon pour une visite guidée.",
        "Le 3 mars 2021, la loi a été votée par le Parlement.",
        "Publié en 2019, le livre a connu un grand succès.",
        "Réactions en chaîne après l'annonce du ministre.",
        "Publicité mensongère : l'entreprise a été condamnée.",
        "Les champs de blé ont été détruits par la grêle.",
        "L'auteur du crime court toujours, selon la police.",
        "Fermer les frontières ne suffira pas, estime le député.",
        "Accueil chaleureux pour les réfugiés à Marseille.",
        "Le journaliste est retenu depuis mars, a dit le ministère.",
        "Les prix de l'énergie ont fortement augmenté l'an dernier.",
        "La police a ouvert une enquête après l'incendie.",
        "Les syndicats appellent à la grève jeudi prochain.",
        "Le musée rouvrira ses portes après deux ans de travaux.",
        "Beaucoup de sites utilisent des cookies sans consentement, selon l'étude.",
        "La lettre d'information municipale sera distribuée lundi.",
        "Les élèves reprendront les cours la semaine prochaine.",
        "Le maire a inauguré samedi la nouvelle piscine.",
        "L'inflation a atteint 5,2 % en mars, selon l'Insee.",
        "Le train a été retardé de deux heures à cause de la neige.",
        "Les abonnés au service paieront plus cher dès janvier.",
        "Répondre aux critiques n'est pas simple, reconnaît-il.",
        "Connexion rétablie après la panne, annonce l'opérateur.",
        "Tous les articles de loi ont été votés, a confirmé le Sénat.",
        "Sur le même sujet, le ministre reste prudent.",
        "Les pompiers ont maîtrisé le feu dans la nuit.",
        "Le tribunal rendra sa décision le mois prochain.",
        "La récolte de raisin a été plus faible que prévu.",
        "Les députés ont rejeté l'amendement par 300 voix contre 200.",
        "Le club a remporté son troisième titre consécutif.",
        "Les habitants réclament davantage de transports en commun.",
        "Thèmes abordés : la dette et le climat. Le débat a duré trois heures.",
        "Lire la suite du rapport prend du temps, avoue-t-il.",
        "Photos et vidéos ont circulé sur les réseaux sociaux.",
        "Le président a reçu son homologue à l'Élysée mardi.",
        "La banque centrale a relevé ses taux d'intérêt.",
        "Les chercheurs ont découvert une nouvelle espèce de grenouille.",
    ],
    "es": [
        "El gobierno quiere aprobar la ley antes del verano.",
        "Por último, se ofreció que la agencia tome en cuenta el informe.",
        "Por eso el gobierno decidió actuar con rapidez.",
        "Compartir la riqueza es el objetivo, dijo el ministro.",
        "Síguenos hasta el final del camino, dijo el guía.",
        "El 3 de mayo de 2022 fue un día histórico para el país.",
        "Publicado en 2019, el libro fue un éxito de ventas.",
        "Comentarios del presidente causaron polémica en el congreso.",
        "Publicidad engañosa: multa para la empresa.",
        "El autor del crimen sigue prófugo, informó la policía.",
        "Cerrar la frontera no es la solución, dijo la ministra.",
        "Inicio de clases: lo que hay que saber.",
        "El periodista es retenido desde marzo, dijo el gobierno.",
        "Los precios de la energía subieron con fuerza el año pasado.",
        "La policía abrió una investigación tras el incendio.",
        "Los sindicatos convocan una huelga para el jueves.",
        "El museo reabrirá sus puertas tras dos años de obras.",
        "Muchos portales utilizan cookies sin permiso, según el informe.",
        "El boletín oficial publicó la ley el lunes por la mañana.",
        "Los alumnos volverán a clase la próxima semana.",
        "El alcalde inauguró el sábado la nueva piscina municipal.",
        "La inflación alcanzó el 5,2 % en marzo, según el instituto.",
        "El tren se retrasó dos horas por la nieve.",
        "Responder a las críticas es parte del trabajo, dijo.",
        "Más de la mitad de los votantes se abstuvo.",
        "Lo más leído del año fue una novela policiaca, según la feria.",
        "Otras noticias indicaban lo contrario, según el diario.",
        "Los bomberos controlaron el fuego durante la noche.",
        "El tribunal dictará sentencia el próximo mes.",
        "La cosecha de uva fue menor de lo previsto.",
        "Los diputados rechazaron la enmienda por amplia mayoría.",
        "El club ganó su tercer título consecutivo.",
        "Los vecinos reclaman más transporte público.",
        "Temas como la salud y la educación dominaron el debate.",
        "Fotos y videos circularon en las redes sociales.",
        "El presidente recibió a su homólogo en el palacio el martes.",
        "El banco central subió los tipos de interés.",
        "Los científicos descubrieron una nueva especie de rana.",
        "Nadie sabía quién tomó la foto: era un misterio.",
        "Solo para socios del club hubo entradas, dijo el presidente.",
    ],
    "it": [
        "Il governo vuole approvare la legge prima dell'estate.",
        "Di questo si parlerà domani in consiglio comunale.",
        "Condividi le tue idee con il gruppo, disse il professore.",
        "Seguici fino alla piazza, disse la guida.",
        "Il 14 gennaio 2020 è stato un giorno storico per la città.",
        "Pubblicato nel 2019, il libro ebbe un grande successo.",
        "Commenti del ministro hanno suscitato polemiche.",
        "Pubblicità ingannevole: multa all'azienda.",
        "L'autore del furto è stato arrestato ieri sera.",
        "Chiudi gli occhi e ascolta, disse lei.",
        "Cerca lavoro da due anni senza successo.",
        "Il giornalista è detenuto da marzo, ha detto il ministero.",
        "I prezzi dell'energia sono aumentati molto l'anno scorso.",
        "La polizia ha aperto un'indagine dopo l'incendio.",
        "I sindacati annunciano uno sciopero per giovedì.",
        "Il museo riaprirà dopo due anni di lavori.",
        "Molti siti usano cookie senza consenso, dice il Garante.",
        "La newsletter del comune è stata spedita ieri.",
        "Gli studenti torneranno in classe la prossima settimana.",
        "Il sindaco ha inaugurato sabato la nuova piscina.",
        "L'inflazione ha raggiunto il 5,2 per cento a marzo.",
        "Il treno ha accumulato due ore di ritardo per la neve.",
        "Rispondi alla domanda, disse il giudice.",
        "Altri articoli del codice sono stati modificati.",
        "Leggi anche le note, consiglia l'autore.",
        "I vigili del fuoco hanno domato l'incendio nella notte.",
        "Il tribunale emetterà la sentenza il mese prossimo.",
        "La vendemmia è stata inferiore alle attese.",
        "I deputati hanno respinto l'emendamento.",
        "La squadra ha vinto il terzo titolo consecutivo.",
        "I residenti chiedono più trasporti pubblici.",
        "Argomenti come la sanità dominano il dibattito.",
        "Foto e video sono stati diffusi sui social.",
        "Il presidente ha ricevuto il suo omologo martedì.",
        "La banca centrale ha alzato i tassi di interesse.",
        "I ricercatori hanno scoperto una nuova specie di rana.",
        "Ha mostrato una foto (e un video) ai giornalisti.",
        "Abbonamenti e biglietti aumentano da gennaio, ha detto l'azienda.",
        "Nome e cognome dell'indagato non sono stati resi noti.",
        "Torna su un tema già discusso in passato.",
    ],
    "pt": [
        "O governo quer aprovar a lei antes do verão.",
        "Por outro lado, o governo recuou na proposta.",
        "Por isso a decisão foi adiada para a próxima semana.",
        "Compartilhar a renda é o objetivo, disse o ministro.",
        "Siga em frente até a praça, disse o guarda.",
        "O dia 3 de maio de 2022 foi histórico para o país.",
        "Publicado em 2019, o livro foi um sucesso.",
        "Comentários do presidente causaram polêmica.",
        "Publicidade enganosa: empresa multada.",
        "O autor do crime foi preso ontem à noite.",
        "Fechar a fronteira não resolve, disse a ministra.",
        "Início das aulas: o que saber.",
        "O jornalista é mantido preso desde março, disse o governo.",
        "Os preços da energia subiram muito no ano passado.",
        "A polícia abriu uma investigação após o incêndio.",
        "Os sindicatos convocaram uma greve para quinta-feira.",
        "O museu vai reabrir depois de dois anos de obras.",
        "Muitos sites usam dados pessoais sem permissão, diz o estudo.",
        "O boletim oficial publicou a lei ontem.",
        "Os alunos voltam às aulas na próxima semana.",
        "O prefeito inaugurou no sábado a nova piscina.",
        "A inflação chegou a 5,2 por cento em março.",
        "O trem atrasou duas horas por causa da neve.",
        "Saiba mais sobre o caso na reportagem de domingo.",
        "Os bombeiros controlaram o fogo durante a noite.",
        "O tribunal vai anunciar a sentença no próximo mês.",
        "A colheita de uva foi menor do que o previsto.",
        "Os deputados rejeitaram a emenda por larga maioria.",
        "O clube venceu o terceiro título consecutivo.",
        "Os moradores pedem mais transporte público.",
        "Temas como saúde e educação dominaram o debate.",
        "Fotos e vídeos circularam nas redes sociais.",
        "O presidente recebeu o seu homólogo na terça-feira.",
        "O banco central subiu as taxas de juro.",
        "Os cientistas descobriram uma nova espécie de sapo.",
        "Ninguém sabia quem tirou a foto: era um mistério.",
        "Notícias relacionadas ao caso circularam ontem.",
        "Veja bem, a situação é difícil, disse o técnico.",
        "Assinaturas e vendas caíram 10 por cento, disse a empresa.",
        "Campos de futebol são marcados com cal.",
    ],
    "pl": [
        "Rada miasta przyjęła w poniedziałek budżet na przyszły rok po długiej debacie.",
        "Minister zapowiedział, że nowe przepisy wejdą w życie od stycznia.",
        "Powiązane z tą sprawą osoby zostały przesłuchane przez prokuraturę.",
        "Zobacz, jak zmieniło się miasto po powodzi, mówi przewodnik.",
        "Czytelnicy pytali o szczegóły, ale redakcja nie odpowiedziała.",
        "Udostępnienie danych klientów firma uznała za błąd.",
        "Obserwatorzy wyborów nie zgłosili poważnych nieprawidłowości.",
        "Strażacy przez całą noc gasili pożar hali magazynowej.",
        "Sąd wyda wyrok w przyszłym miesiącu, poinformował rzecznik.",
        "Zbiory zbóż były w tym roku mniejsze, niż przewidywano.",
        "Posłowie odrzucili poprawkę zdecydowaną większością głosów.",
        "Klub zdobył trzeci tytuł mistrzowski z rzędu.",
        "Mieszkańcy domagają się lepszej komunikacji miejskiej.",
        "Tematy takie jak zdrowie i edukacja zdominowały kampanię.",
        "Zdjęcia i nagrania z wypadku krążyły w mediach społecznościowych.",
        "Prezydent przyjął swojego odpowiednika w pałacu we wtorek.",
        "Bank centralny podniósł stopy procentowe o pół punktu.",
        "Naukowcy odkryli nowy gatunek żaby w lasach deszczowych.",
        "Nikt nie wiedział, kto zrobił to zdjęcie: to była tajemnica.",
        "Tylko dla nielicznych wyjazd zakończył się sukcesem, ocenił trener.",
        "Reklama wprowadzająca w błąd kosztowała firmę wysoką grzywnę.",
        "Komentarze prezydenta wywołały burzę w parlamencie.",
        "Wymagane dokumenty są dostępne w urzędzie gminy.",
        "Prawa pracowników zostały ograniczone w nowej ustawie.",
        "Wiele stron zbiera dane osobowe bez zgody, wynika z raportu.",
        "Opublikowano w 2019 roku, książka odniosła ogromny sukces.",
        "Czas czytania książek skrócił się wśród młodzieży.",
        "Autor książki mieszka w Krakowie od wielu lat.",
        "Dziennikarz jest przetrzymywany od marca, poinformował rząd.",
        "Jeśli cenisz ciszę, wybierz góry zamiast morza, radzą przewodnicy.",
        "Pomóż mi, zawołał chłopiec, gdy lód zaczął pękać.",
        "Podał swój adres e-mail policji, aby ułatwić śledztwo.",
        "Skontaktował się z nami świadek wypadku na moście, poinformowała policja.",
        "Newsletter firmy wysłany w marcu zawierał błędy, przyznał rzecznik.",
        "Zamknięcie granicy nie rozwiąże problemu, powiedziała minister.",
        "Strona główna sporu nie przedstawiła żadnych dowodów.",
        "Imię i nazwisko podejrzanego nie zostały ujawnione.",
        "Artykuł był pomocny dla wielu czytelników, twierdzi wydawca.",
        "Kliknięcia w reklamy spadły o jedną trzecią w ciągu roku.",
        "Subskrypcje i sprzedaż spadły o dziesięć procent, podała spółka.",
        "3 maja 2022 był dniem historycznym dla miasta.",
    ],
}


@pytest.mark.parametrize("language", CATALOGUE_LANGUAGES)
def test_no_rule_fires_on_ordinary_body_prose(language):
    """Every rule of every language is tried: a document's language can be guessed wrong."""
    sentences = BODY[language]
    assert len(sentences) >= 40
    fired = {s: [r.id for r in RULES if r.fires(s)] for s in sentences}
    assert not {s: ids for s, ids in fired.items() if ids}


#: The call-to-action kinds issue #16 lists (a membership or donation appeal as a
#: sentence, a subscribers-only notice, a tip line, "click here to read more", "follow us
#: on ..."), written as each catalogue language writes them (invented sentences; bare
#: forms too: a notice without its subject, a membership appeal that names no cause).
CALLS_TO_ACTION = {
    "en": ["Become a member today and support independent reporting.",
           "If you value our work, please consider making a donation.", "This article is available to subscribers only.",
           "Do you have a news tip? Email our newsroom.", "Click here to read more.", "Follow us on Instagram for more stories."],
    "de": ["Werden Sie Mitglied und unterstützen Sie unsere Arbeit.", "Jetzt Mitglied werden!",
           "Unterstützen Sie uns mit einer Spende.", "Dieser Artikel ist nur für Abonnenten verfügbar.", "Nur für Abonnenten.",
           "Haben Sie einen Hinweis für unsere Redaktion? Schreiben Sie uns.", "Hier klicken, um mehr zu lesen.",
           "Folgen Sie uns auf Instagram."],
    "fr": ["Devenez membre et soutenez notre rédaction.", "Faites un don pour soutenir notre travail.",
           "Cet article est réservé aux abonnés.", "Réservé aux abonnés.",
           "Vous avez une information à nous transmettre ? Écrivez-nous.", "Cliquez ici pour en savoir plus.",
           "Suivez-nous sur Instagram."],
    "es": ["Hazte socio y apoya el periodismo independiente.", "Conviértete en suscriptor de nuestro diario.",
           "Haz una donación para apoyar nuestro trabajo.", "Este artículo es exclusivo para suscriptores.",
           "Solo para suscriptores.", "¿Tienes una pista para nuestra redacción? Escríbenos.", "Haz clic aquí para leer más.",
           "Síguenos en Instagram."],
    "it": ["Diventa socio e sostieni il nostro giornale.", "Fai una donazione per sostenere il nostro lavoro.",
           "Questo articolo è riservato agli abbonati.", "Solo per abbonati.", "Hai una segnalazione per la redazione? Scrivici.",
           "Clicca qui per leggere di più.", "Seguici su Instagram."],
    "pt": ["Torne-se sócio e apoie o jornalismo independente.", "Seja um apoiador do nosso jornal.",
           "Faça parte do nosso clube de assinantes.", "Faça uma doação para apoiar o nosso trabalho.",
           "Este conteúdo é exclusivo para assinantes.", "Disponível apenas para assinantes.",
           "Tem uma denúncia ou sugestão de pauta? Envie para a redação.", "Clique aqui para ler mais.", "Siga-nos no Instagram."],
    "pl": ["Zostań naszym patronem i wspieraj niezależne dziennikarstwo.", "Dołącz do grona naszych patronów.",
           "Wesprzyj nas darowizną.", "Przekaż darowiznę na naszą fundację.", "Ten artykuł jest dostępny tylko dla subskrybentów.",
           "Tylko dla subskrybentów.", "Masz temat dla redakcji? Napisz do nas.", "Kliknij tutaj, aby przeczytać więcej.",
           "Obserwuj nas na Instagramie."],
}


@pytest.mark.parametrize("language", CATALOGUE_LANGUAGES)
def test_every_language_drops_the_calls_to_action(language):
    """The matcher of a document in each catalogue language drops every kind of call to
    action the issue lists, as an appeal, a related-links or a share line."""
    assert not _missed(matcher(language), CALLS_TO_ACTION[language], {"appeal", "related", "share"})


#: More of the kinds the issue finds left on unseen pages (a paywall as a sentence, a trial
#: or discount offer, a link to the full story, what the reader's gift does for the site),
#: as each catalogue language writes them (invented sentences, none a rule's example).
PAYWALLS_OFFERS_AND_LINKS = {
    "en": ["This article is available only to paying subscribers.", "Try us free for 14 days.",
           "Read the whole story on our app.", "Your gift today helps us report without fear."],
    "de": ["Du bist bereits Mitglied? Jetzt einloggen", "Zwei Wochen gratis lesen!", "Hier geht's zum ganzen Interview.",
           "Mit deiner Spende hilfst du uns, unabhängig zu bleiben."],
    "fr": ["Identifiez-vous pour poursuivre votre lecture.", "Deux mois offerts pour tout abonnement.",
           "Lire l'entretien en entier", "Chaque don nous aide à enquêter en toute indépendance."],
    "es": ["Suscríbase para continuar leyendo.", "Pruébalo gratis por un mes.", "Mira la entrevista completa aquí.",
           "Cada aportación nos permite seguir investigando."],
    "it": ["Abbonati per proseguire la lettura.", "Prova gratuitamente per un mese.", "Leggi l'intervista completa qui",
           "Ogni donazione ci aiuta a restare liberi."],
    "pt": ["Entre para continuar a ler.", "Teste grátis por 7 dias.", "Leia a reportagem completa no nosso site",
           "Cada contribuição nos ajuda a manter o jornalismo livre."],
    "pl": ["Zarejestruj się, aby uzyskać dostęp do artykułu.", "Skorzystaj z wyjątkowej promocji.", "Przeczytaj pełny wywiad",
           "Każda darowizna pomaga nam pisać niezależnie."],
}


def _missed(m, texts: list[str], categories: set[str]) -> dict:
    """Of ``texts``, those no rule of ``categories`` takes: ``{text: rule id or None}``."""
    missed = {}
    for text in texts:
        rule = _match(m, text)
        if rule is None or rule.category not in categories:
            missed[text] = rule and rule.id
    return missed


@pytest.mark.parametrize("language", CATALOGUE_LANGUAGES)
def test_every_language_drops_paywalls_offers_and_full_story_links(language):
    assert not _missed(matcher(language), PAYWALLS_OFFERS_AND_LINKS[language], {"appeal", "related"})


#: More calls to action of the kinds issue #16 lists, in phrasings the catalogue missed
#: before: the rest of an article for subscribers, a read-it-by-subscribing link, "like our
#: work? support us", a newsroom asking what readers know, "every donation counts", a
#: reminder to follow the site, a pitch for its channel (invented, none a rule's example).
MORE_CALLS_TO_ACTION = {
    "en": ["The remainder of this article is reserved for subscribers.",
           "You need to be signed in to read the full article.", "Know more about this? Get in touch with us.",
           "Each donation counts!", "Read the rest of this article"],
    "de": ["Der ganze Beitrag ist zahlenden Lesern vorbehalten.", "Weißt du mehr? Schreib uns!", "Jede Spende hilft.",
           "Abonniert unseren WhatsApp-Kanal!"],
    "fr": ["Vous appréciez notre journalisme ? Faites un don.", "Lisez la suite en vous abonnant.",
           "Vous en savez plus sur cette affaire ? Écrivez-nous.", "Chaque geste compte.",
           "Pensez à nous suivre sur Facebook."],
    "es": ["¿Valoras nuestro trabajo? Suscríbete.", "El resto del reportaje es exclusivo para suscriptores.",
           "¿Sabe algo más del caso? Escríbanos.", "Toda aportación suma.", "No olvides seguirnos en Twitter."],
    "it": ["Apprezzate il nostro giornalismo? Sosteneteci.", "Il resto del pezzo è riservato agli abbonati.",
           "Sapete qualcosa? Scriveteci.", "Ogni gesto conta.", "Ricordati di seguirci su Facebook."],
    "pt": ["Aprecia o nosso jornalismo? Contribua.", "O resto da reportagem é só para assinantes.",
           "Sabem mais sobre isto? Contacte-nos.", "Toda contribuição conta.", "Inscrevam-se no nosso canal."],
    "pl": ["Cenicie naszą pracę? Wesprzyjcie nas.", "Reszta tekstu dostępna tylko dla prenumeratorów.",
           "Wiecie coś więcej? Napiszcie do nas.", "Każdy grosz ma znaczenie.", "Zasubskrybuj mój kanał."],
}

#: Article sentences about the same things (a paper's paywall, a charity's donations, a
#: police appeal for witnesses), which no rule may take.
REPORTED_CALLS_TO_ACTION = {
    "en": ["The rest of the report is for subscribers to decide, the publisher said on Monday.",
           "Know anything about the fire? Contact police on 101, officers said.",
           "Every donation counts toward the matching grant until Friday."],
    "de": ["Sie wissen mehr? Dann melden Sie sich bei der Polizei unter der Nummer 110.",
           "Jede Spende zählt doppelt, bis der Verein sein Ziel erreicht hat."],
    "fr": ["Vous avez des symptômes ? Contactez votre médecin traitant, conseille l'agence régionale.",
           "Chaque don compte double jusqu'à la fin du mois, précise la fondation."],
    "es": ["¿Sabe algo del paradero del joven? Llame al 112, pide la policía local.",
           "El resto es para los socios del club, explicó el tesorero en la asamblea."],
    "it": ["Sai qualcosa della scomparsa? Chiama il 112, chiedono i carabinieri della zona.",
           "Il resto è riservato agli abbonati del teatro, ha spiegato la direttrice."],
    "pt": ["Sabe algo sobre o desaparecido? Ligue 190, pede a polícia militar.",
           "O resto é para os sócios do clube, explicou o presidente na assembleia."],
    "pl": ["Wiesz coś o zaginionym? Zadzwoń na policję, apelują funkcjonariusze z komendy.",
           "Reszta sali jest dostępna dla członków klubu, wyjaśnił prezes."],
}


@pytest.mark.parametrize("language", CATALOGUE_LANGUAGES)
def test_every_language_drops_more_calls_to_action_and_keeps_reported_ones(language):
    m = matcher(language)
    assert not _missed(m, MORE_CALLS_TO_ACTION[language], {"appeal", "related", "share"})
    taken = {text: rule.id for text in REPORTED_CALLS_TO_ACTION[language]
             if (rule := _match(m, text)) is not None}
    assert not taken


#: A caption that ends in its credit, a read-later button and a link to an author's other
#: articles, as each catalogue language writes them (invented, none a rule's example), and
#: the category each must be dropped as.
CREDITS_BUTTONS_AND_ARCHIVES = {
    "en": [("The harbour at dawn on Sunday. © Jane Roe", "caption"), ("Read it later", "ui")],
    "de": [("Das Rathaus im Winter. Bildnachweis: Max Muster", "caption"), ("Beitrag speichern", "ui")],
    "fr": [("Le port au lever du jour. © AFP / Jean Martin", "caption"), ("Enregistrer l'article", "ui")],
    "es": [("El puerto al amanecer. © EFE / Ana López", "caption"), ("Guardar noticia", "ui"),
           ("Más columnas de esta autora", "bio")],
    "it": [("Il porto all'alba. © ANSA / Luca Bianchi", "caption"), ("Leggi dopo", "ui"),
           ("Tutti i post di Luca Bianchi", "bio")],
    "pt": [("O porto ao amanhecer. © Ana Costa", "caption"), ("Guardar para depois", "ui"),
           ("Todas as colunas da autora", "bio")],
    "pl": [("Port o świcie. © PAP / Anna Nowak", "caption"), ("Czytaj później", "ui"),
           ("Wszystkie wpisy autorki", "bio")],
}


@pytest.mark.parametrize("language", CATALOGUE_LANGUAGES)
def test_every_language_drops_credits_read_later_buttons_and_author_archives(language):
    assert _miscategorised(matcher(language), CREDITS_BUTTONS_AND_ARCHIVES[language]) == {}


def _miscategorised(m, cases) -> dict:
    """Of ``cases`` (line, category), each line the matcher ``m`` drops as no rule or as a
    rule of another category, with that rule's id (None: no rule)."""
    wrong = {}
    for text, category in cases:
        rule = _match(m, text)
        if rule is None or rule.category != category:
            wrong[text] = rule and rule.id
    return wrong


@pytest.mark.parametrize("language, appeal, reported", [
    ("es", "Haceos socios y leed sin límites.", "Hazte socio del club, le dijo su padre."),
    ("pt", "Tornem-se sócios e apoiem o jornalismo local.", "Seja um membro ativo do bairro, pediu o vereador."),
    ("pt", "Sejam assinantes do nosso jornal.", "Sejam membros da associação, aconselha a psicóloga."),
])
def test_a_membership_appeal_in_the_plural_drops_and_a_reported_one_stays(language, appeal, reported):
    """An appeal addressed to several readers is one (its plural noun too); an imperative
    someone in the article is reported to have said (', dijo ...') fires no rule."""
    m = matcher(language)
    rule = _match(m, appeal)
    assert rule is not None and rule.category == "appeal"
    assert _match(m, reported) is None


#: A picture's caption that says where a person stands in it and a caption of a person at
#: an occasion, as each catalogue language writes them (invented, none a rule's example),
#: with the category each must be dropped as.
POSITION_AND_OCCASION_CAPTIONS = {
    "en": [("Skipper Tom Roe (right) and his crew at the quay", "caption"),
           ("Ann Roe, speaking at the harbour festival", "caption")],
    "de": [("Kapitänin Eva Roth (Mitte) mit ihrer Mannschaft am Kai", "caption")],
    "fr": [("La capitaine Eva Roux (à droite) et son équipage sur le quai", "caption"),
           ("Eva Roux, lors du festival du port", "caption")],
    "es": [("La capitana Eva Ruiz (a la derecha) y su tripulación en el muelle", "caption"),
           ("Eva Ruiz, durante la fiesta del puerto", "caption")],
    "it": [("La capitana Eva Russo (a destra) e il suo equipaggio sul molo", "caption"),
           ("Eva Russo, durante la festa del porto", "caption")],
    "pt": [("A capitã Eva Rocha (à direita) e a sua tripulação no cais", "caption"),
           ("Eva Rocha, durante a festa do porto", "caption")],
    "pl": [("Kapitan Ewa Rybak (z prawej) i jej załoga na nabrzeżu", "caption")],
}
#: Article prose that names a person and a position or an occasion: no rule fires.
PROSE_NEAR_CAPTIONS = {
    "en": "Tom Roe, speaking at the harbour festival, said the new quay would open in May.",
    "de": "Die Fördermenge (l) steht auf dem Typenschild, sagte der Hersteller am Montag.",
    "fr": "Eva Roux, lors du festival du port, a annoncé l'ouverture du nouveau quai en mai.",
    "es": "Eva Ruiz, durante la fiesta del puerto, anunció la apertura del nuevo muelle en mayo.",
    "it": "Eva Russo, durante la festa del porto, ha annunciato l'apertura del nuovo molo a maggio.",
    "pt": "Eva Rocha, durante a festa do porto, anunciou a abertura do novo cais em maio.",
    "pl": "Partia skręciła w lewo (a potem w prawo), mówili w poniedziałek eksperci od sondaży.",
}


@pytest.mark.parametrize("language", CATALOGUE_LANGUAGES)
def test_every_language_drops_position_captions_and_occasion_captions(language):
    m = matcher(language)
    assert _miscategorised(m, POSITION_AND_OCCASION_CAPTIONS[language]) == {}
    assert _match(m, PROSE_NEAR_CAPTIONS[language]) is None


#: An author box that tells what the author does when not at work, and a line of article
#: prose of the same shape (a name, a job, a condition) that must stay.
AUTHOR_BOXES = {
    "en": ("Tom Roe is a reporter on the science desk. When he's not writing, he sails.",
           "Tom Roe is a nurse. He said he sails when he is not needed at the ward."),
    "de": ("Eva Roth ist Reporterin im Wissenschaftsressort. Wenn sie nicht gerade schreibt, segelt sie.",
           "Eva Roth ist Pflegerin. Wenn sie nicht zahlt, droht ihr eine Klage, sagt der Anwalt."),
    "pl": ("Ewa Rybak jest reporterką działu nauki. Kiedy nie pisze, żegluje.",
           "Ewa Rybak jest pielęgniarką. Żegluje, kiedy nie ma dyżuru w szpitalu."),
}


@pytest.mark.parametrize("language", sorted(AUTHOR_BOXES))
def test_an_author_box_that_says_what_the_author_does_when_not_at_work_drops(language):
    m = matcher(language)
    box, prose = AUTHOR_BOXES[language]
    rule = _match(m, box)
    assert rule is not None and rule.category == "bio"
    assert _match(m, prose) is None


# ----------------------------------------------------------------- labelled seeds

SEEDS = ROOT / "corpus" / "seeds"
CHECKED_CATEGORIES = {"share", "appeal", "related", "ui", "meta", "bio", "caption"}

# Drop lines of the checked categories that no pattern catches, on purpose: stage 2 is
# expected to drop them from their neighbours.  (seed file, 1-based row): why.
EXPECTED_BY_CONTEXT = {
    # A sentence in the middle of a donation appeal about the newsroom's mission: on its
    # own it reads like article prose; it goes with the appeal block around it.
    ("001_6d2eec1c5e0e1230", 65): "appeal paragraph without an appeal phrase",
    # A misspelled payment-method label inside the donation form (short line in the run
    # of appeal lines, context.appeal_tail).
    ("001_6d2eec1c5e0e1230", 69): "misspelled form label inside an appeal block",
    # The author's name on its own line above the bio (context.bio_name).
    ("002_2698bc1cada743d0", 23): "author name above an author bio",
}


def _seed_rows():
    if not SEEDS.is_dir():
        pytest.skip("corpus/seeds not present")
    for tsv in sorted(SEEDS.glob("*.labels.tsv")):
        stem = tsv.name[: -len(".labels.tsv")]
        for number, row in enumerate(tsv.read_text(encoding="utf-8").split("\n"), 1):
            if row:
                label, _, text = row.partition("\t")
                yield stem, number, label, normalize(text)


def test_seed_drop_lines_are_caught_by_their_category_or_left_to_context():
    problems = []
    context_seen = set()
    for stem, number, label, text in _seed_rows():
        if not label.startswith("drop:") or label[5:] not in CHECKED_CATEGORIES:
            continue
        category = label[5:]
        fired = [r for r in RULES if r.fires(text)]
        if (stem, number) in EXPECTED_BY_CONTEXT:
            context_seen.add((stem, number))
            if fired:
                problems.append(f"{stem}:{number} listed for context but {fired[0].id} fires")
        elif not any(r.category == category for r in fired):
            got = [r.id for r in fired] or "no rule"
            problems.append(f"{stem}:{number} ({label}) caught by {got}")
    assert not problems, problems
    assert context_seen == set(EXPECTED_BY_CONTEXT), "stale EXPECTED_BY_CONTEXT entries"


def test_no_rule_fires_on_seed_article_lines():
    hits = []
    for stem, number, label, text in _seed_rows():
        if label.split(":")[0] in {"body", "head", "title", "opt", "teaser"} and text:
            fired = [r.id for r in RULES if r.fires(text)]
            if fired:
                hits.append(f"{stem}:{number} ({label}) {fired}")
    assert not hits, hits


def test_word_count_lists_hold_the_rules_whose_guards_admit_the_count():
    odd = [Rule(id=f"en.share.odd{i}", language="en", category="share", pattern="^x$",
                min_words=lo, max_words=hi, examples=("x",))
           for i, (lo, hi) in enumerate([(0, None), (3, 1), (-2, 2), (2, 2.5), (5, 7), (0, 0)])]
    for rules in (load_rules(), tuple(odd)):
        by_words = _by_words(rules)
        assert len(by_words) == max([r.min_words for r in rules] + [r.max_words or 0 for r in rules]) + 2
        for words, members in enumerate(by_words):
            assert members == [i for i, r in enumerate(rules) if r.guard(words)], words
