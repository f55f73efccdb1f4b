//! Shared by the analysis commands: `--type`, `--event-type`, dates, `--doc` and `--where`
//! checked and turned into the library's view options.

use super::FilterArgs;
use anyhow::bail;
use chrono::NaiveDate;
use newsgraph::graph::ViewOptions;
use newsgraph::model::{EntityType, EventType};
use std::collections::BTreeSet;

/// Entity types by name, ignoring case ("state", "militantgroup", "militant-group").
pub fn entity_types(names: &[String]) -> anyhow::Result<BTreeSet<EntityType>> {
    let key = |s: &str| s.to_lowercase().replace(['-', '_', ' '], "");
    names
        .iter()
        .map(|n| {
            EntityType::ALL
                .iter()
                .copied()
                .find(|t| key(t.as_str()) == key(n))
                .ok_or_else(|| {
                    let all: Vec<&str> = EntityType::ALL.iter().map(|t| t.as_str()).collect();
                    anyhow::anyhow!(
                        "--type: unknown entity type {n:?} (one of {})",
                        all.join(", ")
                    )
                })
        })
        .collect()
}

/// Event types by name, ignoring case.
pub fn event_types(names: &[String]) -> anyhow::Result<BTreeSet<EventType>> {
    let key = |s: &str| s.to_lowercase().replace(['-', '_', ' '], "");
    names
        .iter()
        .map(|n| {
            EventType::ALL
                .iter()
                .copied()
                .find(|t| key(t.as_str()) == key(n))
                .ok_or_else(|| {
                    let all: Vec<&str> = EventType::ALL.iter().map(|t| t.as_str()).collect();
                    anyhow::anyhow!(
                        "--event-type: unknown event type {n:?} (one of {})",
                        all.join(", ")
                    )
                })
        })
        .collect()
}

fn day(flag: &str, value: Option<&str>) -> anyhow::Result<Option<NaiveDate>> {
    let Some(v) = value else { return Ok(None) };
    if !newsgraph::input::valid_date(v) {
        return Err(newsgraph::Error::BadDate {
            what: flag.into(),
            value: v.into(),
        }
        .into());
    }
    Ok(NaiveDate::parse_from_str(v, "%Y-%m-%d").ok())
}

/// The view options of the filter flags plus the command's own `--type`.
pub fn options(filter: &FilterArgs, types: &[String]) -> anyhow::Result<ViewOptions> {
    let since = day("--since", filter.since.as_deref())?;
    let until = day("--until", filter.until.as_deref())?;
    if let (Some(s), Some(u)) = (since, until)
        && s > u
    {
        bail!("--since {s} is after --until {u}");
    }
    Ok(ViewOptions {
        types: entity_types(types)?,
        event_types: event_types(&filter.event_types)?,
        since,
        until,
        documents: filter.docs.iter().cloned().collect(),
        pattern: filter.pattern.clone(),
        ..Default::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn types_parse_loosely_and_reject_unknown_names() {
        let t = entity_types(&["state".into(), "Militant-Group".into()]).unwrap();
        assert_eq!(
            t,
            BTreeSet::from([EntityType::State, EntityType::MilitantGroup])
        );
        let err = entity_types(&["Politician".into()])
            .unwrap_err()
            .to_string();
        assert!(err.contains("--type") && err.contains("Official"), "{err}");
        assert!(event_types(&["attack".into()]).is_ok());
    }

    #[test]
    fn dates_are_checked_and_ordered() {
        let f = FilterArgs {
            since: Some("2024-02-30".into()),
            ..Default::default()
        };
        assert!(
            options(&f, &[])
                .unwrap_err()
                .to_string()
                .contains("--since")
        );
        let f = FilterArgs {
            since: Some("2024-02-02".into()),
            until: Some("2024-02-01".into()),
            ..Default::default()
        };
        assert!(options(&f, &[]).is_err());
    }
}
