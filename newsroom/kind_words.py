"""
The kinds of event the Japanese and Korean matcher recognises
(newsroom.matching_cjk.KINDS), as the review desk names them to an editor:
"same kind of event: summit, talks" in the editor's language. A kind added
there without words here is shown by its code.
"""

from django.utils.translation import pgettext_lazy

KIND_WORDS = {
    "summit": pgettext_lazy("kind of event", "summit"),
    "talks": pgettext_lazy("kind of event", "talks"),
    "visit": pgettext_lazy("kind of event", "visit"),
    "inauguration": pgettext_lazy("kind of event", "taking office"),
    "arrival": pgettext_lazy("kind of event", "arrival"),
    "post": pgettext_lazy("kind of event", "post or report"),
    "meal": pgettext_lazy("kind of event", "meal"),
    "press": pgettext_lazy("kind of event", "press conference"),
    "announce": pgettext_lazy("kind of event", "announcement"),
    "drums": pgettext_lazy("kind of event", "drums"),
    "election": pgettext_lazy("kind of event", "election"),
    "dissolution": pgettext_lazy("kind of event", "dissolution"),
    "takeshima-day": pgettext_lazy("kind of event", "Takeshima Day"),
    "remark": pgettext_lazy("kind of event", "remark"),
    "taiwan": pgettext_lazy("kind of event", "Taiwan"),
    "export": pgettext_lazy("kind of event", "exports"),
    "ban": pgettext_lazy("kind of event", "ban or control"),
    "dual-use": pgettext_lazy("kind of event", "dual-use items"),
    "travel": pgettext_lazy("kind of event", "travel"),
    "rare-earth": pgettext_lazy("kind of event", "rare earths"),
    "imports": pgettext_lazy("kind of event", "imports"),
    "interview": pgettext_lazy("kind of event", "interview"),
    "parade": pgettext_lazy("kind of event", "parade"),
    "anti-dumping": pgettext_lazy("kind of event", "anti-dumping"),
    "temple": pgettext_lazy("kind of event", "temple"),
    "agreement": pgettext_lazy("kind of event", "agreement"),
    "leadership-race": pgettext_lazy("kind of event", "leadership race"),
    "minerals": pgettext_lazy("kind of event", "minerals"),
    "trilateral": pgettext_lazy("kind of event", "trilateral"),
    "economic-security": pgettext_lazy("kind of event", "economic security"),
    "shuttle": pgettext_lazy("kind of event", "shuttle diplomacy"),
    "occupation": pgettext_lazy("kind of event", "colonial rule"),
    "test": pgettext_lazy("kind of event", "test"),
    "probe": pgettext_lazy("kind of event", "probe"),
    "resume": pgettext_lazy("kind of event", "resumption"),
}


def kind_words(kinds) -> list[str]:
    """The kinds' names in the active language, sorted as the codes are."""
    return [str(KIND_WORDS.get(kind, kind)) for kind in sorted(kinds)]
