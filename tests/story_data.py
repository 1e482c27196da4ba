"""
A small story for the relation, name and accessibility tests: the November
Taiwan remark, China's answers to it, the rare-earth talks, the Nara summit
and Takeshima Day, reported by two outlets in two countries. Built in code so
the tests state exactly what they rely on.
"""

import datetime

from timeline.models import Actor, Citation, Event, EventRelation, Place, Source, StoryArc, Topic

D = datetime.date


def make_story() -> dict:
    japan = Actor.objects.create(name="Japan", short_name="Japan", slug="japan", kind="country", colour="#bc002d")
    china = Actor.objects.create(name="China", short_name="China", slug="china", kind="country", colour="#de2910")
    korea = Actor.objects.create(
        name="South Korea", short_name="S. Korea", slug="south-korea", kind="country", colour="#0047a0"
    )
    takaichi = Actor.objects.create(
        name="Sanae Takaichi",
        short_name="Takaichi",
        slug="sanae-takaichi",
        kind="person",
        colour="#7a3e9d",
        aliases="Takaichi Sanae\n高市早苗",
        name_note="Japanese order puts the family name first: Takaichi Sanae.",
    )
    islets = Place.objects.create(
        name="Liancourt Rocks",
        slug="liancourt-rocks",
        aliases="Takeshima\nDokdo",
        name_note="Japan calls the islets Takeshima, South Korea Dokdo; both claim them.",
    )
    sea = Place.objects.create(
        name="Sea of Japan",
        slug="sea-of-japan",
        aliases="East Sea",
        name_note="South Korea calls it the East Sea.",
    )
    diplomacy = Topic.objects.create(name="Diplomacy", slug="diplomacy")
    arc = StoryArc.objects.create(title="Japan–China dispute after the Taiwan remark", slug="japan-china-dispute")

    kyodo = Source.objects.create(
        outlet="Kyodo News",
        outlet_country="Japan",
        title="Takaichi and Lee meet in Nara",
        published_on=D(2026, 1, 14),
        text=(
            "Takaichi and Lee held talks focused on stabilising rare-earth supply chains. "
            "China's export controls came in response to the remark on Taiwan."
        ),
    )
    scmp = Source.objects.create(
        outlet="South China Morning Post",
        outlet_country="Hong Kong",
        title="Nara summit",
        published_on=D(2026, 1, 14),
        text="Rare earths were not explicitly mentioned in the joint press release.",
    )
    anonymous = Source.objects.create(
        outlet=None, outlet_country=None, published_on=D(2025, 11, 15), text="A travel advisory was issued."
    )

    def event(slug, title, day, actors, **extra):
        created = Event.objects.create(
            slug=slug,
            title=title,
            earliest=day,
            latest=extra.pop("latest", day),
            status_as_of=D(2026, 1, 20),
            is_published=extra.pop("is_published", True),
            **extra,
        )
        created.actors.set(actors)
        created.topics.set([diplomacy])
        return created

    remark = event("taiwan-remark", "Takaichi's remark on Taiwan", D(2025, 11, 7), [japan, takaichi], arc=arc)
    advisory = event("travel-advisory", "China's travel advisory for Japan", D(2025, 11, 14), [china], arc=arc)
    controls = event("export-controls", "China tightens export controls", D(2026, 1, 6), [china], arc=arc)
    talks = event("rare-earth-talks", "Rare-earth supply talks", D(2026, 1, 12), [japan, korea], arc=arc)
    nara = event("nara-summit", "Takaichi–Lee summit in Nara", D(2026, 1, 13), [japan, korea, takaichi])
    takeshima = event("takeshima-day", "Takeshima Day ceremony", D(2026, 2, 22), [japan])
    sea_event = event("sea-naming", "Dispute over the name of the sea", D(2025, 12, 1), [korea])
    hidden = event("draft-retaliation", "Draft: a further retaliation", D(2026, 1, 20), [china], is_published=False)
    nara.places.set([islets])
    takeshima.places.set([islets])
    sea_event.places.set([sea])

    Citation.objects.create(
        event=nara,
        source=kyodo,
        quote="Takaichi and Lee held talks focused on stabilising rare-earth supply chains.",
        start=0,
        end=0,
    )
    Citation.objects.create(
        event=nara,
        source=scmp,
        quote="Rare earths were not explicitly mentioned in the joint press release.",
        start=0,
        end=0,
    )
    stated = Citation.objects.create(
        event=controls,
        source=kyodo,
        quote="China's export controls came in response to the remark on Taiwan.",
        start=0,
        end=0,
    )
    Citation.objects.create(event=advisory, source=anonymous, quote="A travel advisory was issued.", start=0, end=0)

    R = EventRelation.Kind
    EventRelation.objects.create(
        from_event=controls,
        to_event=remark,
        kind=R.IN_RESPONSE_TO,
        note="Beijing tied them to the remark.",
        citation=stated,
    )
    EventRelation.objects.create(from_event=advisory, to_event=remark, kind=R.IN_RESPONSE_TO)
    EventRelation.objects.create(from_event=controls, to_event=talks, kind=R.LED_TO)
    EventRelation.objects.create(from_event=talks, to_event=nara, kind=R.PART_OF)
    EventRelation.objects.create(from_event=controls, to_event=hidden, kind=R.LED_TO)
    return {
        "remark": remark,
        "advisory": advisory,
        "controls": controls,
        "talks": talks,
        "nara": nara,
        "takeshima": takeshima,
        "sea": sea_event,
        "hidden": hidden,
        "arc": arc,
        "kyodo": kyodo,
        "scmp": scmp,
        "islets": islets,
        "takaichi": takaichi,
    }
