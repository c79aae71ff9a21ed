"""Text cut into slides by measure (macros/outputs/slides/fit.py, outputs/metrics.py): at most about 45 words and 6
lines a slide, slides of even length, never a sentence cut, titles on one line."""

from __future__ import annotations

from macros.outputs import metrics
from macros.outputs.slides.chunks import Line, words
from macros.outputs.slides.fit import FLOOR_PT, MOST_LINES, MOST_WORDS, counted, measure, one_line, shorter, split
from macros.outputs.slides.geometry import Frame
from macros.outputs.text import Run

WIDE = Frame(838200, 1825625, 10515600, 4351338, 28.0, "Calibri")  # a 16:9 "Title and Content" body
NARROW = Frame(457200, 1600200, 5000000, 3000000, 32.0, "Verdana")  # a cramped template's, at 32 pt
TITLE = Frame(838200, 365125, 10515600, 1325563, 40.0, "Calibri")


def sentence(number: int, length: int = 12) -> str:
    return " ".join([f"Sentence{number}"] + ["word"] * (length - 2) + ["end."])


def paragraph(*texts: str, style: str = "plain") -> Line:
    return Line((Run(" ".join(texts)),), style)


def test_fonts_are_measured_as_their_metric_twins():
    text = "Parents who appear to co-operate"
    assert metrics.width(text, 28, "Calibri") == metrics.width(text, 28, "Carlito")
    assert metrics.width(text, 28, "Calibri") < metrics.width(text, 28, "Verdana")
    assert metrics.width(text, 56, "Calibri") == 2 * metrics.width(text, 28, "Calibri")
    assert metrics.wrap([(text * 10, False, False)], 400, 28, "Calibri") > metrics.wrap([(text * 10, False, False)], 400, 14, "Calibri")


def test_text_is_cut_between_sentences_into_even_slides_within_the_limits():
    for frame in (WIDE, NARROW):
        found = [paragraph(*(sentence(n + 10 * p) for n in range(4))) for p in range(3)]  # 3 paragraphs of 48 words
        slides = split(found, frame)
        counts = [sum(words(line.runs) for line in lines) for lines, _ in slides]
        assert sum(counts) == 144 and max(counts) <= MOST_WORDS and min(counts) >= max(counts) / 4, counts
        shown = " ".join(run.text.strip() for lines, _ in slides for line in lines for run in line.runs)
        assert shown.split() == " ".join(sentence(n + 10 * p) for p in range(3) for n in range(4)).split()
        for lines, size in slides:
            assert FLOOR_PT <= size <= frame.size
            text = " ".join(run.text for line in lines for run in line.runs)
            assert text.strip().endswith("end."), "a slide ends at the end of a sentence"
            assert measure(lines, frame, size)[0] <= MOST_LINES


def test_a_sentence_longer_than_a_slide_has_one_to_itself():
    found = [paragraph(sentence(1), sentence(2, 60), sentence(3))]
    slides = split(found, WIDE)
    assert [sum(words(line.runs) for line in lines) for lines, _ in slides] == [12, 60, 12]


def test_a_sentence_no_slide_can_hold_is_cut_where_it_reads_best_and_each_part_fits():
    """In a cramped template a 73-word sentence cannot go on one slide even at 20 pt: it is cut after the clauses
    nearest its middles (its semicolons here), not between any two words, and every part keeps to the limits."""
    clauses = ["Where there is no acknowledgement of a problem, in families where there are: perpetrators of sexual abuse",
               "extreme domestic abuse where the perpetrator shows a pervasive pattern of disregard for others",
               "substance misuse and violence in the home", "and parents who systematically cover up deliberate abuse",
               "parents are unlikely to make sufficient changes to protect children from harm within an appropriate timeframe."]
    text = "; ".join(clauses)
    assert words((Run(text),)) > MOST_WORDS
    tiny = Frame(457200, 1600200, 3000000, 1500000, 24.0, "Verdana")  # room for four lines at 20 pt
    for frame in (NARROW, tiny):
        slides = split([paragraph(text)], frame)
        assert len(slides) > 1
        shown = [" ".join(run.text for line in lines for run in line.runs).strip() for lines, _ in slides]
        assert " ".join(shown).split() == text.split()
        if frame is NARROW:
            assert all(part.endswith((";", ",", ":", ".")) for part in shown), shown
        for lines, size in slides:
            assert size >= FLOOR_PT and measure(lines, frame, size)[0] <= MOST_LINES
            assert measure(lines, frame, size)[1] <= frame.room_height
    unbroken = " ".join(["word"] * 80) + "."
    slides = split([paragraph(unbroken)], NARROW)
    assert len(slides) > 1 and all(measure(lines, NARROW, size)[0] <= MOST_LINES for lines, size in slides)
    assert sum(words(line.runs) for lines, _ in slides for line in lines) == 80
    assert split([paragraph(text)], WIDE)[0][0][0].runs == (Run(text),), "a sentence one slide can hold stays whole"


def test_a_question_is_never_cut_from_its_number():
    questions = [Line((Run(f"{sentence(n, 8)} {sentence(n + 50, 8)}"),), "number", n) for n in range(1, 9)]
    for lines, _ in split(questions, WIDE):
        assert all(words(line.runs) == 16 for line in lines)


def test_titles_keep_to_one_line():
    long = [Run("Case study Three: Marie and Brian — Something to think about")]
    title, size = one_line([long, shorter([Run("Case study Three: Marie and Brian")]) + [Run(" — Something to think about")]], TITLE)
    assert "".join(run.text for run in title) == "Marie and Brian — Something to think about" and size is None
    assert "".join(run.text for run in counted([Run("Megan")], 2, 3)) == "Megan · 2/3"
    assert counted([Run("Megan")], 1, 1) == [Run("Megan")]
    title, size = one_line([[Run("word " * 60)]], TITLE)
    assert size == FLOOR_PT and "".join(run.text for run in title).endswith("…")
