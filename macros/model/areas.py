"""Where things happen: England and Wales, a county, a partnership, a district and its towns."""

from enum import Enum

from pydantic import Field

from macros.model.base import Citation, CitedRecord, Model
from macros.model.fields import AreaRef, GssCode, Link, OrgRef, PartialDate, PlainText, Prose


class AreaKind(str, Enum):
    national = "national"
    county = "county"
    partnership = "partnership"
    district = "district"
    town = "town"
    place = "place"  # a village, estate, ward or other named place


# An area's parent must be of the next kind up; towns and other places sit under their district.
PARENT_KIND = {
    AreaKind.county: AreaKind.national,
    AreaKind.partnership: AreaKind.county,
    AreaKind.district: AreaKind.partnership,
    AreaKind.town: AreaKind.district,
    AreaKind.place: AreaKind.district,
}
PLACE_KINDS = {AreaKind.town, AreaKind.place}


class Membership(Model):
    """An organisation's place in a body over time: a member, the chair, the vice chair. Roles are
    held by organisations (or a role title), never published with a private person's details."""

    organisation: OrgRef
    role: PlainText = Field("member", description="e.g. member, chair, vice chair, co-opted member")
    since: PartialDate | None = Field(None, description="When it joined or took the role, as reported")
    until: PartialDate | None = Field(None, description="When it left or gave up the role, as reported")
    sources: list[Citation] = Field(min_length=1)


class Body(Model):
    """The board or partnership that governs an area, and how it works."""

    name: PlainText
    short_name: PlainText | None = None
    responsible_authorities: list[OrgRef] = Field(default_factory=list)
    members: list[OrgRef] = Field(default_factory=list, description="Other members and co-opted partners")
    meets: PlainText | None = Field(None, description="How often it meets, e.g. 'Every 3 months, online'")
    coordinated_by: OrgRef | None = None
    reports_to: AreaRef | None = Field(None, description="The area whose body oversees this one")
    membership: list[Membership] = Field(default_factory=list,
        description="Who held which role, and who joined or left, with dates as reported")


class Elsewhere(Model):
    """A place in the area whose community safety partnership this site does not publish."""

    name: PlainText = Field(description="The place or council area, e.g. 'Ipswich'")
    towns: list[PlainText] = Field(default_factory=list, description="Its towns, for the area picker")
    partnership: PlainText = Field(
        description="The partnership that covers it, e.g. 'Ipswich Community Safety Partnership'")
    council: PlainText = Field(description="Its council's name, e.g. 'Ipswich Borough Council'")
    council_url: Link = Field(description="The council's community safety page or home page")


class Area(CitedRecord):
    name: PlainText = Field(description="The area's name")
    kind: AreaKind = Field(description="national, county, partnership, district, town or place")
    parent: AreaRef | None = Field(None,
        description="The area one level up that contains it (district > partnership > county > national)")
    towns: list[PlainText] = Field(default_factory=list, description="Towns in the area, for the area picker")
    body: Body | None = Field(None,
        description="The board or partnership that governs the area, and how it works")
    description: Prose | None = Field(None, description="About the area, as the reports describe it")
    elsewhere: list[Elsewhere] = Field(
        default_factory=list, description="Places in the area whose partnership is not on this site: "
                                          "residents there get the county's and national routes, and a "
                                          "link to their council")
    gss_code: GssCode | None = Field(
        None, description="Its ONS (GSS) code, e.g. E07000244 for East Suffolk, where it has one; cite where "
                          "it comes from")
