"""The pipeline's shape: trained components plus ours, built from a config that saves and loads."""

from __future__ import annotations

import spacy

from strikeview.extract.places import PLACES_KEY


def test_pipeline_has_trained_and_rule_components(nlp):
    names = nlp.pipe_names
    assert names[:1] == ["tok2vec"] and "parser" in names and "ner" in names
    assert names[-3:] == ["strikeview_weapons", "strikeview_places", "strikeview_roles"]
    assert nlp.config["components"]["strikeview_weapons"]["factory"] == "strikeview_weapons"


def test_pipeline_saves_and_loads_like_any_spacy_pipeline(nlp, tmp_path):
    nlp.to_disk(tmp_path / "p")
    again = spacy.load(tmp_path / "p")
    assert again.pipe_names == nlp.pipe_names
    text = "Rockets struck the Ain al-Asad air base in Anbar on Tuesday."
    doc_again, doc = again(text), nlp(text)
    got = [(s.text, s._.sv_role) for s in doc_again.spans[PLACES_KEY]]
    assert got == [(s.text, s._.sv_role) for s in doc.spans[PLACES_KEY]]
    assert ("Ain al-Asad air base", "impact") in got


def test_pipeline_quotes_point_into_the_article(extract):
    text = "Headline here\n\nOn Monday the militia fired rockets at a base near Erbil. Nobody was hurt."
    events = extract(text)
    assert events
    for q in events[0].quotes:
        assert text[q.start:q.end] == q.text
    event = events[0]
    cited = {f.quote_id for f in [*event.sites, *event.weapons, *event.counts, *event.claims]}
    assert cited == {q.id for q in event.quotes}
