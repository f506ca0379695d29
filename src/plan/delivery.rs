//! How far the plan's commitments have been delivered, as of the plan's reporting date.
//!
//! Commitments carry an optional status, due date and owner. This module counts them by aim
//! and by owner and finds the overdue ones. "Overdue" is judged against the plan's
//! `reporting_date` (or its publication date), never the clock, so a build is the same
//! whenever it runs.

use std::collections::BTreeMap;

use serde::Serialize;

use super::{Commitment, Plan, Priority};
use crate::parse::kinds::DeliveryStatus;

/// A commitment's delivery state for reporting: a status, or none reported yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum State {
    /// Not started.
    NotStarted,
    /// In progress.
    InProgress,
    /// At risk.
    AtRisk,
    /// Delivered.
    Delivered,
    /// No status has been reported.
    NotReported,
}

impl State {
    /// Every state, in the order tables list them.
    pub const ALL: [State; 5] = [
        State::NotStarted,
        State::InProgress,
        State::AtRisk,
        State::Delivered,
        State::NotReported,
    ];

    /// The state of a commitment.
    pub fn of(c: &Commitment) -> State {
        match c.status {
            Some(DeliveryStatus::NotStarted) => State::NotStarted,
            Some(DeliveryStatus::InProgress) => State::InProgress,
            Some(DeliveryStatus::AtRisk) => State::AtRisk,
            Some(DeliveryStatus::Delivered) => State::Delivered,
            None => State::NotReported,
        }
    }

    /// The key of the state's words in the word tables ([`crate::words::Words`]).
    pub fn key(self) -> &'static str {
        match self {
            State::NotStarted => "delivery-not-started",
            State::InProgress => "delivery-in-progress",
            State::AtRisk => "delivery-at-risk",
            State::Delivered => "delivery-delivered",
            State::NotReported => "delivery-not-reported",
        }
    }

    /// The state in words.
    pub fn label(self) -> &'static str {
        match self {
            State::NotStarted => DeliveryStatus::NotStarted.label(),
            State::InProgress => DeliveryStatus::InProgress.label(),
            State::AtRisk => DeliveryStatus::AtRisk.label(),
            State::Delivered => DeliveryStatus::Delivered.label(),
            State::NotReported => "No status reported",
        }
    }

    /// A stable id for data files and CSS classes.
    pub fn id(self) -> &'static str {
        match self {
            State::NotStarted => "not-started",
            State::InProgress => "in-progress",
            State::AtRisk => "at-risk",
            State::Delivered => "delivered",
            State::NotReported => "not-reported",
        }
    }
}

/// The first day after a due date's period: `2023` → `2024-01-01`, `2023-10` → `2023-11-01`,
/// `2023-10-31` → `2023-11-01`. A commitment is overdue from that day.
pub fn due_end(due: &str) -> Option<DueEnd> {
    // At most three numbers: a fourth part makes the date unreadable, as does any part that
    // is not a number.
    let mut parts = [0u32; 3];
    let mut count = 0;
    for part in due.split('-') {
        *parts.get_mut(count)? = part.parse().ok()?;
        count += 1;
    }
    // Checked plans have four-digit years; `wrapping_add` keeps what `y + 1` did in release
    // builds with any other.
    let next_month = |y: u32, m: u32| {
        if m >= 12 {
            DueEnd::new(y.wrapping_add(1), 1, 1)
        } else {
            DueEnd::new(y, m + 1, 1)
        }
    };
    match parts[..count] {
        [y] => Some(DueEnd::new(y.wrapping_add(1), 1, 1)),
        [y, m] => Some(next_month(y, m)),
        [y, m, d] => {
            if !(1..=12).contains(&m) {
                return None;
            }
            let days = super::days_in_month(y, m);
            if d >= days {
                Some(next_month(y, m))
            } else {
                Some(DueEnd::new(y, m, d + 1))
            }
        }
        _ => None,
    }
}

/// The end of a due period, written `YYYY-MM-DD` (the year padded to four digits, longer if it
/// needs to be), and ordered as that text is.
///
/// It is kept on the stack rather than in a `String`: the delivery summary sorts thousands of
/// commitments by it and judges each one overdue by comparing it with the reporting date.
#[derive(Debug, Clone, Copy)]
pub struct DueEnd {
    text: [u8; 16],
    len: u8,
}

impl DueEnd {
    fn new(y: u32, m: u32, d: u32) -> DueEnd {
        let mut end = DueEnd {
            text: [0; 16],
            len: 0,
        };
        end.push_number(y, 4);
        end.push(b'-');
        end.push_number(m, 2);
        end.push(b'-');
        end.push_number(d, 2);
        end
    }

    // A year has at most ten digits and `due_end` makes no month or day over two, so the 16
    // bytes are always enough.
    fn push(&mut self, byte: u8) {
        self.text[usize::from(self.len)] = byte;
        self.len += 1;
    }

    /// Writes `n` padded with zeros to `width` digits, as `{n:0width$}` does.
    fn push_number(&mut self, mut n: u32, width: usize) {
        let mut digits = [0u8; 10];
        let mut i = digits.len();
        loop {
            i -= 1;
            digits[i] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 && digits.len() - i >= width {
                break;
            }
        }
        for &b in &digits[i..] {
            self.push(b);
        }
    }

    /// The day as text, `YYYY-MM-DD`.
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(self.as_bytes()).unwrap_or_default()
    }

    fn as_bytes(&self) -> &[u8] {
        &self.text[..usize::from(self.len)]
    }
}

impl PartialEq for DueEnd {
    fn eq(&self, other: &Self) -> bool {
        self.as_bytes() == other.as_bytes()
    }
}

impl Eq for DueEnd {}

impl PartialOrd for DueEnd {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for DueEnd {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.as_bytes().cmp(other.as_bytes())
    }
}

/// True when a commitment due `due` is overdue on `date` (`YYYY-MM-DD`): its due period has
/// ended and it has not been delivered.
pub fn is_overdue(c: &Commitment, date: &str) -> bool {
    c.status != Some(DeliveryStatus::Delivered)
        && c.due
            .as_deref()
            .and_then(due_end)
            .is_some_and(|end| end.as_bytes() <= date.as_bytes())
}

/// Counts of commitments in each state, with how many are overdue.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// Commitments in each state, in [`State::ALL`] order.
    pub by_state: [usize; 5],
    /// Overdue commitments.
    pub overdue: usize,
    /// All commitments.
    pub total: usize,
}

impl Counts {
    fn add(&mut self, state: State, overdue: bool) {
        let i = State::ALL.iter().position(|s| *s == state).unwrap_or(4);
        self.by_state[i] += 1;
        self.total += 1;
        if overdue {
            self.overdue += 1;
        }
    }

    /// The count for one state.
    pub fn get(&self, state: State) -> usize {
        State::ALL
            .iter()
            .position(|s| *s == state)
            .map_or(0, |i| self.by_state[i])
    }
}

/// A commitment with where it sits, for lists.
#[derive(Debug, Clone)]
pub struct Item<'a> {
    /// The priority it belongs to.
    pub priority: &'a Priority,
    /// The name of the party that made it.
    pub party: &'a str,
    /// The commitment.
    pub commitment: &'a Commitment,
}

impl<'a> Item<'a> {
    /// Who delivers it: its `owner`, or the party that made it.
    pub fn owner(&self) -> &'a str {
        self.commitment.owner.as_deref().unwrap_or(self.party)
    }
}

/// The delivery picture of the whole plan.
#[derive(Debug, Clone)]
pub struct Summary<'a> {
    /// The date overdue is judged at (`YYYY-MM-DD`).
    pub reporting_date: String,
    /// Counts across the plan.
    pub all: Counts,
    /// Counts per aim: aim id, title and counts, in plan order.
    pub by_aim: Vec<(String, String, Counts)>,
    /// Counts per priority: the priority and its counts, in plan order.
    pub by_priority: Vec<(&'a Priority, Counts)>,
    /// Counts per party that makes any commitment: its name and counts, in the plan's
    /// order of parties.
    pub by_party: Vec<(String, Counts)>,
    /// Counts per owner, alphabetical.
    pub by_owner: Vec<(String, Counts)>,
    /// Overdue commitments, in plan order.
    pub overdue: Vec<Item<'a>>,
    /// Commitments with a due date that are not overdue, soonest first.
    pub upcoming: Vec<Item<'a>>,
}

impl<'a> Summary<'a> {
    /// Counts and lists for `plan` at its reporting date.
    pub fn of(plan: &'a Plan) -> Summary<'a> {
        let date = plan.meta.reporting_date.clone();
        let mut all = Counts::default();
        let mut by_aim = Vec::new();
        let mut by_owner: BTreeMap<&str, Counts> = BTreeMap::new();
        let mut by_priority = Vec::new();
        let mut by_party: Vec<(&str, &str, Counts)> = plan
            .meta
            .parties
            .iter()
            .map(|p| (p.id.as_str(), p.name.as_str(), Counts::default()))
            .collect();
        let mut overdue = Vec::new();
        let mut upcoming = Vec::new();
        for aim in &plan.aims {
            let mut counts = Counts::default();
            for p in &aim.priorities {
                let mut in_priority = Counts::default();
                for (party, c) in p.commitments() {
                    let at = by_party.iter().position(|(id, _, _)| *id == party);
                    let item = Item {
                        priority: p,
                        party: at.map_or(party, |i| by_party[i].1),
                        commitment: c,
                    };
                    let state = State::of(c);
                    let late = is_overdue(c, &date);
                    counts.add(state, late);
                    all.add(state, late);
                    in_priority.add(state, late);
                    if let Some(i) = at {
                        by_party[i].2.add(state, late);
                    }
                    by_owner.entry(item.owner()).or_default().add(state, late);
                    if late {
                        overdue.push(item);
                    } else if c.due.is_some() && state != State::Delivered {
                        upcoming.push(item);
                    }
                }
                by_priority.push((p, in_priority));
            }
            by_aim.push((aim.id.clone(), aim.title.clone(), counts));
        }
        // Each key is worked out once (the sort is stable, as `sort_by_key` is): comparing
        // thousands of commitments otherwise works out two keys per comparison.
        upcoming.sort_by_cached_key(|i| i.commitment.due.as_deref().and_then(due_end));
        Summary {
            reporting_date: date,
            all,
            by_aim,
            by_priority,
            by_party: by_party
                .into_iter()
                .filter(|(_, _, c)| c.total > 0)
                .map(|(_, name, c)| (name.to_string(), c))
                .collect(),
            by_owner: by_owner
                .into_iter()
                .map(|(owner, counts)| (owner.to_string(), counts))
                .collect(),
            overdue,
            upcoming,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Where a due date's period ends, as text.
    fn end(due: &str) -> Option<String> {
        due_end(due).map(|e| e.as_str().to_string())
    }

    #[test]
    fn a_due_period_ends_the_day_after_its_last_day() {
        assert_eq!(end("2022").as_deref(), Some("2023-01-01"));
        assert_eq!(end("2023-10").as_deref(), Some("2023-11-01"));
        assert_eq!(end("2023-12").as_deref(), Some("2024-01-01"));
        assert_eq!(end("2023-10-31").as_deref(), Some("2023-11-01"));
        assert_eq!(end("2024-02-28").as_deref(), Some("2024-02-29"));
        assert_eq!(end("2023-02-28").as_deref(), Some("2023-03-01"));
        assert_eq!(end("2023-12-31").as_deref(), Some("2024-01-01"));
        assert_eq!(end("soon"), None);
    }

    #[test]
    fn due_ends_are_written_and_ordered_as_text() {
        assert_eq!(end("0999").as_deref(), Some("1000-01-01"));
        assert_eq!(end("0007-03").as_deref(), Some("0007-04-01"));
        assert_eq!(end("9999").as_deref(), Some("10000-01-01"));
        assert_eq!(end("4294967294-12").as_deref(), Some("4294967295-01-01"));
        assert_eq!(end("2023-13-01"), None);
        assert_eq!(end("2023-10-01-01"), None);
        assert_eq!(end("2023--01"), None);
        let dues = [
            "9999",
            "2023",
            "2023-10",
            "0999-12-31",
            "2024-02-29",
            "12345",
        ];
        for a in dues {
            for b in dues {
                let (x, y) = (due_end(a).unwrap(), due_end(b).unwrap());
                assert_eq!(x.cmp(&y), x.as_str().cmp(y.as_str()), "{a} {b}");
            }
        }
    }

    fn commitment(status: Option<DeliveryStatus>, due: Option<&str>) -> Commitment {
        Commitment {
            id: "c".into(),
            text: "t".into(),
            status,
            due: due.map(str::to_string),
            owner: None,
            evidence: Vec::new(),
        }
    }

    #[test]
    fn overdue_means_past_its_period_and_not_delivered() {
        let c = commitment(Some(DeliveryStatus::InProgress), Some("2023-10"));
        assert!(
            !is_overdue(&c, "2023-10-31"),
            "due in October: not overdue during it"
        );
        assert!(is_overdue(&c, "2023-11-01"));
        let done = commitment(Some(DeliveryStatus::Delivered), Some("2020"));
        assert!(!is_overdue(&done, "2030-01-01"));
        let unreported = commitment(None, Some("2022"));
        assert!(is_overdue(&unreported, "2023-01-01"));
        assert!(!is_overdue(&commitment(None, None), "2099-01-01"));
    }
}
