//! The typed values that flow through the pipeline: documents, spans, entity and event types,
//! roles, relation predicates, and the extraction record of the outside contract.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A half-open range of character offsets (Unicode code points, end exclusive) into a document.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Self { start, end }
    }

    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    pub fn len(self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(self) -> bool {
        self.end <= self.start
    }
}

/// One article: its identifier, text and optional metadata.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    pub id: String,
    pub text: String,
    /// Publication date, `YYYY-MM-DD`; resolves relative dates such as "Tuesday night".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

macro_rules! closed_set {
    ($(#[$meta:meta])* $name:ident { $($variant:ident => $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name { $($variant),+ }

        impl Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = String::deserialize(d)?;
                $name::parse(&s).ok_or_else(|| {
                    serde::de::Error::custom(format!("unknown {}: {s}", stringify!($name)))
                })
            }
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The name used in the contract, the JSON record and the ontology.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            pub fn parse(s: &str) -> Option<Self> {
                match s { $($text => Some($name::$variant),)+ _ => None }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

closed_set!(
    /// The closed set of entity types of the contract.
    EntityType {
        Official => "Official",
        Person => "Person",
        State => "State",
        MilitantGroup => "MilitantGroup",
        Organization => "Organization",
        Operation => "Operation",
        Place => "Place",
    }
);

impl EntityType {
    /// The path segment of this type's resource IRIs (`…/id/state/pakistan`).
    pub fn segment(self) -> &'static str {
        match self {
            EntityType::Official => "official",
            EntityType::Person => "person",
            EntityType::State => "state",
            EntityType::MilitantGroup => "militant-group",
            EntityType::Organization => "organization",
            EntityType::Operation => "operation",
            EntityType::Place => "place",
        }
    }

    pub fn is_person(self) -> bool {
        matches!(self, EntityType::Official | EntityType::Person)
    }

    /// Types that can act in events (attack, appeal, meet …).
    pub fn is_agent(self) -> bool {
        !matches!(self, EntityType::Place | EntityType::Operation)
    }
}

closed_set!(
    /// The event types of the contract, with sustained military campaigns apart from single
    /// attacks and negotiations (CAMEO 046) apart from meetings.
    EventType {
        Attack => "Attack",
        MilitaryCampaign => "MilitaryCampaign",
        Threat => "Threat",
        Accusation => "Accusation",
        Appeal => "Appeal",
        MediationOffer => "MediationOffer",
        IntentToCooperate => "IntentToCooperate",
        Call => "Call",
        Meeting => "Meeting",
        Negotiation => "Negotiation",
        Visit => "Visit",
        RecallAmbassador => "RecallAmbassador",
        Expulsion => "Expulsion",
        Sanction => "Sanction",
        Protest => "Protest",
        Arrest => "Arrest",
    }
);

impl EventType {
    /// The CAMEO code that fits the type when a cue gives none more specific.
    pub fn default_cameo(self) -> &'static str {
        match self {
            EventType::Attack => "190",
            EventType::MilitaryCampaign => "190",
            EventType::Threat => "130",
            EventType::Accusation => "112",
            EventType::Appeal => "020",
            EventType::MediationOffer => "039",
            EventType::IntentToCooperate => "030",
            EventType::Call => "041",
            EventType::Meeting => "040",
            EventType::Negotiation => "046",
            EventType::Visit => "042",
            EventType::RecallAmbassador => "161",
            EventType::Expulsion => "174",
            EventType::Sanction => "163",
            EventType::Protest => "140",
            EventType::Arrest => "173",
        }
    }

    /// Uses of armed force: a single attack or a sustained campaign.
    pub fn is_violent(self) -> bool {
        matches!(self, EventType::Attack | EventType::MilitaryCampaign)
    }

    /// Symmetric events have participants rather than an actor and a target.
    pub fn is_symmetric(self) -> bool {
        matches!(
            self,
            EventType::Call | EventType::Meeting | EventType::Negotiation
        )
    }
}

closed_set!(
    /// Argument roles of events.
    Role {
        Actor => "actor",
        Target => "target",
        Participant => "participant",
        Place => "place",
        Instrument => "instrument",
        Mediator => "mediator",
    }
);

closed_set!(
    /// Relation predicates between entities.
    Predicate {
        OfficialOf => "officialOf",
        MemberOf => "memberOf",
        LocatedIn => "locatedIn",
        CapitalOf => "capitalOf",
        ConductedBy => "conductedBy",
        BasedIn => "basedIn",
    }
);

closed_set!(
    /// How a mention refers to its entity; only names count as names in NER scoring.
    MentionKind {
        Name => "name",
        Demonym => "demonym",
        Nominal => "nominal",
        Pronoun => "pronoun",
    }
);

#[allow(clippy::derivable_impls)]
impl Default for MentionKind {
    fn default() -> Self {
        MentionKind::Name
    }
}

/// A mention in the record: a span with its text and kind.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MentionRecord {
    pub start: usize,
    pub end: usize,
    pub text: String,
    #[serde(default, skip_serializing_if = "is_name")]
    pub kind: MentionKind,
}

fn is_name(kind: &MentionKind) -> bool {
    *kind == MentionKind::Name
}

/// One real-world thing found in a document, with every mention of it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntityRecord {
    pub id: String,
    #[serde(rename = "type")]
    pub kind: EntityType,
    pub name: String,
    pub aliases: Vec<String>,
    pub wikidata: Option<String>,
    pub roles: Vec<String>,
    pub mentions: Vec<MentionRecord>,
}

/// A trigger or evidence span with its text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpanText {
    pub start: usize,
    pub end: usize,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub text: String,
}

/// An event argument: a role filled by an entity (or, for unnamed fillers, only a span).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArgumentRecord {
    pub role: Role,
    pub entity: Option<String>,
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// One real-world event with all its triggers, arguments and evidence sentences.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventRecord {
    pub id: String,
    #[serde(rename = "type")]
    pub kind: EventType,
    pub cameo: String,
    pub triggers: Vec<SpanText>,
    /// The day it happened, `YYYY-MM-DD`, when the text names one.
    pub date: Option<String>,
    /// The stretch of days it happened in, when the text names only that ("last week").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<Period>,
    pub arguments: Vec<ArgumentRecord>,
    pub evidence: Vec<SpanText>,
}

/// A stretch of days, first and last included, `YYYY-MM-DD`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Period {
    pub start: String,
    pub end: String,
}

/// A relation between two entities with the sentences that state it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RelationRecord {
    pub subject: String,
    pub predicate: Predicate,
    pub object: String,
    pub evidence: Vec<SpanText>,
}

/// The document header of a record.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocHeader {
    pub id: String,
    pub date: Option<String>,
}

/// Everything extracted from one document: the contract's extraction record.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Extraction {
    pub doc: DocHeader,
    pub entities: Vec<EntityRecord>,
    pub events: Vec<EventRecord>,
    pub relations: Vec<RelationRecord>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closed_sets_round_trip_through_their_names() {
        for t in EntityType::ALL {
            assert_eq!(EntityType::parse(t.as_str()), Some(*t));
        }
        for t in EventType::ALL {
            assert_eq!(EventType::parse(t.as_str()), Some(*t));
        }
        assert_eq!(Role::parse("participant"), Some(Role::Participant));
        assert_eq!(Predicate::parse("officialOf"), Some(Predicate::OfficialOf));
        assert_eq!(EntityType::parse("Politician"), None);
    }

    #[test]
    fn enums_serialise_as_contract_names() {
        let json = serde_json::to_string(&EventType::RecallAmbassador).unwrap();
        assert_eq!(json, "\"RecallAmbassador\"");
        let json = serde_json::to_string(&Predicate::ConductedBy).unwrap();
        assert_eq!(json, "\"conductedBy\"");
    }

    #[test]
    fn spans_overlap_and_contain() {
        let a = Span::new(0, 5);
        assert!(a.overlaps(Span::new(4, 9)));
        assert!(!a.overlaps(Span::new(5, 9)));
        assert!(a.contains(Span::new(1, 5)));
        assert_eq!(a.len(), 5);
    }
}
