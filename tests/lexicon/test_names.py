from newsgraph.lexicon.names import is_first_name


def test_first_names_of_several_languages() -> None:
    for name in ("Maria", "Tomasz", "Luis", "Nikki", "Hamza"):
        assert is_first_name(name), name


def test_words_and_case() -> None:
    for word in ("Senate", "Twitter", "Court", "maria", "MARIA", ""):
        assert not is_first_name(word), word


def test_hyphenated_first_part() -> None:
    assert is_first_name("Maria-Luisa")
    assert not is_first_name("Senate-House")


def test_office_holders_first_words() -> None:
    assert is_first_name("Narendra")  # two names or more of the office-holder table start with it
    assert not is_first_name("Than")  # a stop word
