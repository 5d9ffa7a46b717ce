"""Plain article paragraphs shared by the tests that need a short, clean article."""

#: Four paragraphs of one plain news article, in order.
PROSE = [
    "The town council voted on Tuesday evening to extend the opening hours of the public "
    "library, after a long debate about the cost of heating the old building in winter.",
    "Supporters of the plan said that students and shift workers had asked for the change "
    "for years, and that the extra hours would be paid for by savings in other services.",
    "The new hours will apply from the first day of next month, and the council will review "
    "the decision at the end of the year when the figures for the winter are known.",
    "A smaller group of members argued that the money would be better spent on repairs to "
    "the roof, which has leaked into the reading room during every storm since the spring.",
]
