"""How a resident reports something or gets help: who, how, when, at what cost, what next."""

import datetime as dt
from enum import Enum

from pydantic import Field, ValidationInfo, field_validator, model_validator

from macros.model.base import CitedRecord, Model, Placed
from macros.model.catalogue import Rule
from macros.model.fields import (
    EMAIL_RE,
    AreaRef,
    FullDate,
    Link,
    OrgRef,
    PhoneNumber,
    PlainText,
    PriorityRef,
    Prose,
    parse_email,
    problem,
)
from macros.model.topics import Topic


class Urgency(str, Enum):
    emergency = "emergency"
    non_emergency = "non-emergency"
    support = "support"
    information = "information"


class Anonymity(str, Enum):
    anonymous = "anonymous"
    confidential = "confidential"
    identified = "identified"
    not_stated = "not stated"  # better no claim than a wrong promise of anonymity


class Audience(str, Enum):
    anyone = "anyone"
    victims = "victims"
    young_people = "young people"
    women = "women"
    professionals = "professionals"
    businesses = "businesses"


class ChannelKind(str, Enum):
    phone = "phone"
    text = "text"
    relay = "relay"
    bsl = "bsl"
    website = "website"
    online_form = "online form"
    live_chat = "live chat"
    app = "app"
    email = "email"
    in_person = "in person"


NEEDS = {
    ChannelKind.phone: "number",
    ChannelKind.text: "number",
    ChannelKind.relay: "number",
    ChannelKind.email: "email",
    ChannelKind.website: "url",
    ChannelKind.online_form: "url",
    ChannelKind.live_chat: "url",
    ChannelKind.bsl: "url",
    ChannelKind.app: "url",
}


CHANNEL_LABELS = {
    ChannelKind.phone: "Phone",
    ChannelKind.text: "Text",
    ChannelKind.relay: "Text relay",
    ChannelKind.bsl: "British Sign Language",
    ChannelKind.website: "Website",
    ChannelKind.online_form: "Online form",
    ChannelKind.live_chat: "Live chat",
    ChannelKind.app: "App",
    ChannelKind.email: "E-mail",
    ChannelKind.in_person: "In person",
}

# Channels someone who cannot speak on the phone can use; and those that are online.
ONLINE = {ChannelKind.website, ChannelKind.online_form, ChannelKind.live_chat, ChannelKind.app,
          ChannelKind.email}
NO_TALKING = ONLINE | {ChannelKind.text, ChannelKind.relay, ChannelKind.bsl}


class Channel(Model):
    kind: ChannelKind | None = Field(None,
        description="phone, text, website and so on; leave out when the report does not say")
    number: PhoneNumber | None = None
    url: Link | None = None
    shared_mailbox: bool = Field(False, description="True when the e-mail is a team mailbox")
    email: str | None = Field(None, description="A team mailbox, never a person's address")
    instructions: PlainText | None = Field(None, description="e.g. 'Call 999, then press 55'")
    open_24_7: bool = Field(False, description="True when it answers at any hour, every day of the year")
    hours: PlainText | None = Field(None, description="Hours when not 24/7, e.g. 'Mon to Fri, 9am to 5pm'")
    cost: PlainText | None = Field(None, description="e.g. 'Free from landlines and mobiles'")
    missing_detail: PlainText | None = Field(
        None, description="Why the number or address is not given, when it cannot be cited"
    )
    address: PlainText | None = Field(
        None, description="Where to go in person (a public place, never a refuge's address); with hours")

    @property
    def reachable(self) -> bool:
        """A resident can use it now: a number, a link, an e-mail, or an address with its hours."""
        return bool(self.number or self.url or self.email
                    or (self.address and (self.hours or self.open_24_7)))

    @property
    def link(self) -> str | None:
        """The href a resident taps: sms: for text services, tel: for calls and relay."""
        if self.number:
            return ("sms:" if self.kind == ChannelKind.text else "tel:") + self.number.e164
        return self.url or (f"mailto:{self.email}" if self.email else None)

    @field_validator("email")
    @classmethod
    def _team_mailbox(cls, value: str | None, info: ValidationInfo) -> str | None:
        if value is None:
            return None
        if info.data.get("shared_mailbox"):
            if not EMAIL_RE.fullmatch(value):
                raise problem(Rule.EMAIL, f"'{value}' is not an e-mail address")
            return value
        return parse_email(value)

    @model_validator(mode="after")
    def _has_its_detail(self):
        needed = NEEDS.get(self.kind)
        if needed and getattr(self, needed) is None and self.missing_detail is None:
            raise problem(
                Rule.MISSING_DETAIL,
                f"a {self.kind.value} channel needs {needed}; add it, or say why it is left out "
                "in missing_detail",
                needed,
            )
        return self


class TopicWords(Model):
    """A route's words on one topic's report page."""

    topic: Topic = Field(description="The topic whose page shows these words")
    text: PlainText = Field(description="Who it is for and what happens next, for this topic, in plain words")


class Route(Placed, CitedRecord):
    name: PlainText = Field(description="The route's name, such as a helpline's")
    provider: OrgRef | None = Field(None, description="The organisation that runs it, where named")
    summary: PlainText = Field(description="What it is for, in a sentence")
    topics: list[Topic] = Field(min_length=1,
        description="What a resident can report or get help with through it")
    urgency: Urgency = Field(description="emergency, non-emergency, support or information")
    anonymity: Anonymity = Field(
        description="Can a resident stay anonymous: anonymous, confidential, identified or not stated")
    audience: list[Audience] = Field(default_factory=lambda: [Audience.anyone], description="Who it is for")
    channels: list[Channel] = Field(default_factory=list,
        description="The ways to get in touch: phone, text, website, e-mail and so on, with hours and cost; "
                    "leave out when the report gives none")
    languages: list[PlainText] = Field(default_factory=list, description="Leave out when not stated")
    area: AreaRef = Field(description="Where it is available")
    priorities: list[PriorityRef] = Field(default_factory=list, description="The priorities it serves")
    what_happens_next: Prose = Field(description="What happens after a resident gets in touch")
    verified_on: FullDate = Field(description="When these details were last checked")
    notes: PlainText | None = Field(None, description="Anything else a resident should know")
    for_residents: PlainText | None = Field(
        None, description="Who it is for and what happens next, in plain words (reading age 10) for "
                          "the report pages; cite an editors' source when it goes beyond the report")
    for_topic: list[TopicWords] = Field(
        default_factory=list, description="Plain words for one topic's report page only, e.g. what "
                                          "to tell 101 about county lines")

    @property
    def reachable(self) -> bool:
        """Shown to residents only when at least one channel gives a way to get in touch."""
        return any(c.reachable for c in self.channels)

    def words_for(self, topic: Topic) -> str:
        """What the report card for this topic says the route is for."""
        own = next((w.text for w in self.for_topic if w.topic == topic), None)
        return own or self.for_residents or self.summary

    def verified_days_ago(self, today: dt.date) -> int:
        return (today - self.verified_on).days

    # What the report finder's filters ask of a route. Computed from the data, never typed twice.
    @property
    def always_open(self) -> bool:
        return any(c.open_24_7 for c in self.channels)

    @property
    def without_talking(self) -> bool:
        """Usable by someone who cannot talk on the phone: text, relay, BSL or online."""
        return any(c.kind in NO_TALKING for c in self.channels)

    @property
    def online_only(self) -> bool:
        return all(c.kind in ONLINE for c in self.channels)

    @property
    def other_languages(self) -> bool:
        return any(language.strip().lower() != "english" for language in self.languages)

    @property
    def anonymity_known(self) -> bool:
        return self.anonymity != Anonymity.not_stated

    @property
    def for_professionals(self) -> bool:
        return Audience.professionals in self.audience or Audience.anyone in self.audience
