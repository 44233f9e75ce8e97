"""planqa never opens a network connection: not to load spaCy, nor for presidio or tldextract."""

from __future__ import annotations

import socket

import pytest


class NetworkUsed(AssertionError):
    pass


@pytest.fixture
def no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise NetworkUsed("planqa tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    yield


def test_no_network_for_the_pseudonymiser_and_the_pipeline(no_network, monkeypatch):
    import spacy

    from planqa.pseudonymise import engine

    # build everything anew under the patch: the analyzer, its NLP engine, the recognizers
    monkeypatch.setattr(engine, "_engine", None)
    from planqa.pseudonymise import find_identifiers, gate_findings, pseudonymise

    text = "Kontakta kurator Jonas Berg på jonas.berg@kommun.exempel.se eller 070-123 45 67. Tack!"
    findings = find_identifiers(text)
    assert {f.entity_type for f in findings} >= {"EMAIL", "PERSON", "TELEFON"}
    res = pseudonymise(text)
    assert "[E-POST]" in res.text and "@" not in res.text
    assert gate_findings(text)

    spacy.blank("sv")
    from planqa.nlp import load_pipeline

    nlp = load_pipeline()
    assert len(nlp.make_doc(text)) > 5


def test_the_guard_works(no_network):
    with pytest.raises(NetworkUsed):
        socket.create_connection(("127.0.0.1", 9))
