"""Numbers as UN texts write them: lower-case Roman numerals and letters (sub-paragraphs), and the
ordinal words of amendment instructions ("the third preambular paragraph")."""

from __future__ import annotations

_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
          (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))
#: Letters read as Roman numerals: d and m are left out, so "(d)" and "(m)" are only ever letters.
_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}


def roman(number: int) -> str:
    """Lower-case Roman numeral: 1 -> "i", 14 -> "xiv"."""
    out = []
    for value, numeral in _ROMAN:
        while number >= value:
            out.append(numeral)
            number -= value
    return "".join(out)


def roman_value(numeral: str) -> int:
    """The value of a Roman numeral below 400 in either case ("xiv" -> 14); 0 if it is not one written the
    usual way."""
    numeral = numeral.lower()
    if not numeral or any(ch not in _ROMAN_VALUES for ch in numeral):
        return 0
    total = 0
    for ch, following in zip(numeral, numeral[1:] + " ", strict=True):
        value = _ROMAN_VALUES[ch]
        total += -value if _ROMAN_VALUES.get(following, 0) > value else value
    return total if roman(total) == numeral else 0


def letters(number: int) -> str:
    """1 -> "a", 26 -> "z", 27 -> "aa" (the UN doubles letters past z)."""
    return chr(ord("a") + (number - 1) % 26) * ((number - 1) // 26 + 1)


def letter_value(marker: str) -> int:
    """ "a" -> 1, "z" -> 26, "aa" -> 27, in either case; 0 if `marker` is not a letter number."""
    marker = marker.lower()
    if not marker or len(set(marker)) != 1 or not "a" <= marker[0] <= "z":
        return 0
    return (len(marker) - 1) * 26 + ord(marker[0]) - ord("a") + 1


_UNITS = ("", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
          "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
          "eighteenth", "nineteenth")
_TENS = ("", "", "twent", "thirt", "fort", "fift", "sixt", "sevent", "eight", "ninet")
_CARDINAL_UNITS = ("", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")


def ordinal_word(number: int) -> str:
    """1 -> "first", 20 -> "twentieth", 21 -> "twenty-first", 123 -> "one hundred and twenty-third"."""
    if number < 1:
        raise ValueError(number)
    if number >= 100:
        hundreds, rest = divmod(number, 100)
        head = f"{_CARDINAL_UNITS[hundreds] if hundreds < 10 else hundreds} hundred"
        return f"{head}th" if rest == 0 else f"{head} and {ordinal_word(rest)}"
    if number < 20:
        return _UNITS[number]
    tens, units = divmod(number, 10)
    if units == 0:
        return f"{_TENS[tens]}ieth"
    return f"{_TENS[tens]}y-{_UNITS[units]}"
