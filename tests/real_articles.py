"""
The three real-article failures quoted in issue 13, as small texts written
around the quoted sentences (the articles themselves are not ours to copy).
Each constant is (text, publication date).
"""

import datetime

# The Japan News, an article of Friday 9 January 2026: the visit lay ahead,
# and was resolved to Wednesday 7 January and defaulted to "happened".
HORYU_JI = (
    (
        "Prime Minister Sanae Takaichi will host South Korean President Lee Jae Myung in her home prefecture. "
        "On Wednesday, the two leaders will visit Horyu-ji, a temple in Ikaruga."
    ),
    datetime.date(2026, 1, 9),
)

# Two dates about two events in one sentence: October was lost.
TOOK_OFFICE = (
    "Both leaders are new to their posts. He took office in June 2025, and Takaichi in October.",
    datetime.date(2026, 1, 9),
)

# A two-day visit and the day it was announced: both were lost but one day.
BLUE_HOUSE = (
    (
        "President Lee Jae Myung will visit Japan on Tuesday and Wednesday for talks with Prime Minister "
        "Sanae Takaichi, the Blue House announced Friday."
    ),
    datetime.date(2026, 1, 10),
)

# A part-of-month word: became all of October.
LATE_LAST_OCTOBER = (
    "The two leaders first met in Gyeongju late last October, on the sidelines of the APEC summit.",
    datetime.date(2026, 1, 9),
)
