"""Document numbers typed the way people type them meet at one key."""

import pytest

from directives.numbers import looks_like_number, number_key


@pytest.mark.parametrize(
    "typed", ["57-NQ/TW", "57/NQ-TW", "57 NQ TW", "57-nq/tw", " 57 - NQ / TW ", "Số 57-NQ/TW"]
)
def test_every_spelling_of_57_nq_tw_gives_one_key(typed):
    assert number_key(typed) == "57-NQ-TW", f"{typed!r} should fold to the key of 57-NQ/TW"


def test_d_with_stroke_and_missing_d_meet():
    assert number_key("1234/QĐ-UBND") == number_key("1234/qd-ubnd") == "1234-QD-UBND"


def test_different_numbers_stay_apart():
    assert number_key("5-NQ/TW") != number_key("57-NQ/TW")
    assert number_key("1-23/QĐ") != number_key("12-3/QĐ")


@pytest.mark.parametrize(
    ("text", "expected"),
    [("57 nq tw", True), ("1234/QĐ-UBND", True), ("nông thôn mới", False), ("2024", False)],
)
def test_only_texts_with_a_serial_and_a_symbol_look_like_numbers(text, expected):
    assert looks_like_number(text) is expected
