//! A card's lines on the board, and its legal mark in a few characters.

use crate::domain::case::{Card, Targets};
use crate::domain::due::LegalMark;
use crate::domain::law::{ClockKind, ClockState};
use crate::domain::vocab;
use crate::i18n::{Lang, Msg, fill};
use crate::ui::theme::Theme;
use crate::ui::widgets::text::truncate;
use chrono::NaiveDate;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

/// A card's legal mark in a few characters that need no colour: the most pressing clock's
/// letter and hours (`P20j` left, `P+6j` over) and a hearing within seven days (`S3h`), as
/// forms from the fullest to the shortest. A narrow card takes the first that fits: a number
/// is dropped whole, never cut (`L+2` for 26 hours over would be a lie).
pub fn legal_mark_forms(m: &LegalMark, today: NaiveDate, lang: Lang) -> Vec<String> {
    let clock = m.clock.and_then(|(kind, state)| {
        let letter = match kind {
            ClockKind::TpksPoliceReport => Msg::MarkPolice,
            ClockKind::FirstService => Msg::MarkFirstService,
            ClockKind::ShelterReview => Msg::MarkShelter,
        }
        .get(lang);
        let (full, sign, n) = match state {
            ClockState::Running { hours_left } => (
                fill(Msg::MarkLeft.get(lang), &[&letter, &hours_left]),
                "",
                hours_left,
            ),
            ClockState::Breached { hours_over } => (
                fill(Msg::MarkOver.get(lang), &[&letter, &hours_over]),
                "+",
                hours_over,
            ),
            ClockState::Met | ClockState::MetLate => return None,
        };
        Some(vec![
            full,
            format!("{letter}{sign}{n}"),
            format!("{letter}{sign}"),
        ])
    });
    let hearing = m.hearing.map(|d| {
        let letter = Msg::MarkHearingLetter.get(lang);
        let days = (d - today).num_days();
        vec![
            fill(Msg::MarkHearing.get(lang), &[&letter, &days]),
            letter.to_string(),
        ]
    });
    match (clock, hearing) {
        (Some(c), Some(h)) => {
            let mut out = vec![format!("{} {}", c[0], h[0]), format!("{} {}", c[1], h[1])];
            out.extend(c);
            out
        }
        (Some(c), None) => c,
        (None, Some(h)) => h,
        (None, None) => Vec::new(),
    }
}

/// The fullest form of a mark that fits `w` columns, padded to them.
pub(super) fn fitted(forms: &[String], w: usize) -> String {
    let fits = forms.iter().find(|f| f.chars().count() <= w);
    pad_to(fits.map_or("", |f| f.as_str()), w)
}

/// `s` cut or padded to `w` columns.
pub(super) fn pad_to(s: &str, w: usize) -> String {
    let s = truncate(s, w);
    let n = w.saturating_sub(unicode_width::UnicodeWidthStr::width(s.as_str()));
    format!("{s}{}", " ".repeat(n))
}

/// The part of a case number a person reads aloud: `2026/0012`.
pub(super) fn short_number(n: &str) -> String {
    let parts: Vec<&str> = n.rsplitn(3, '/').collect();
    match parts.as_slice() {
        [seq, year, ..] => format!("{year}/{seq}"),
        _ => n.to_string(),
    }
}

#[allow(clippy::too_many_arguments)]
pub(super) fn card_lines(
    c: &Card,
    wide: bool,
    w: usize,
    selected: bool,
    lang: Lang,
    theme: &Theme,
    targets: &Targets,
    today: NaiveDate,
    legal: Option<&LegalMark>,
) -> Vec<Line<'static>> {
    let overdue = c.overdue(targets, today);
    let legal_forms = legal.map(|m| legal_mark_forms(m, today, lang));
    let legal_style = match legal.and_then(|m| m.clock) {
        Some((_, ClockState::Breached { .. })) => theme.error(),
        _ => theme.warning(),
    };
    // The marks carry the meaning without colour: ! emergency, * past its target.
    let mark = match (c.emergency, overdue) {
        (true, true) => "!*",
        (true, false) => "! ",
        (false, true) => "* ",
        _ => "  ",
    };
    let mark_style = if c.emergency {
        theme.error()
    } else if overdue {
        theme.warning()
    } else {
        Style::new()
    };
    // Only the card's first line shows the selection: a ↓ then rewrites two short lines,
    // not two whole cards (issue 21: 96 B a ↓ over a 9600-baud line). Reversed, so it shows
    // without colour.
    let base = if selected {
        theme.selected()
    } else {
        Style::new()
    };
    let rest = Style::new();
    let age = c
        .age
        .map(|a| vocab::AGE_BANDS.label(vocab::age_band(a), lang).to_string())
        .unwrap_or_else(|| "?".into());
    let sex = c.sex.clone().unwrap_or_else(|| "?".into());
    let kind = c
        .violence
        .as_deref()
        .map(|v| vocab::VIOLENCE.label(v, lang))
        .unwrap_or("—");
    let risk = vocab::RISK.label(&c.risk, lang);
    let days = fill(Msg::DaysShort.get(lang), &[&c.days_in_stage(today)]);
    let who = c.assigned_to.clone().unwrap_or_else(|| "—".into());
    let pad = |s: String| -> String {
        let s = truncate(&s, w);
        let n = w.saturating_sub(unicode_width::UnicodeWidthStr::width(s.as_str()));
        format!("{s}{}", " ".repeat(n))
    };
    if wide {
        let left = format!(
            "{} {}  {} {}",
            short_number(&c.number),
            c.initials,
            sex,
            age
        );
        let room = w.saturating_sub(2);
        let gap = room.saturating_sub(left.chars().count() + who.chars().count());
        let head = if gap >= 1 {
            format!("{left}{}{who}", " ".repeat(gap))
        } else {
            left
        };
        vec![
            Line::from(vec![
                Span::styled(mark.to_string(), mark_style.patch(base)),
                Span::styled(
                    truncate(&head, w.saturating_sub(2)),
                    base.patch(Style::new().add_modifier(ratatui::style::Modifier::BOLD)),
                ),
            ]),
            match &legal_forms {
                Some(forms) => {
                    let left = format!("  {kind} · {risk} · {days} · ");
                    let room = w.saturating_sub(left.chars().count());
                    Line::from(vec![
                        Span::styled(truncate(&left, w), rest),
                        Span::styled(fitted(forms, room), legal_style.patch(rest)),
                    ])
                }
                None => Line::from(Span::styled(
                    pad(format!("  {kind} · {risk} · {days}")),
                    rest,
                )),
            },
        ]
    } else {
        let number = short_number(&c.number);
        let first = match &legal_forms {
            // The mark after the number, in the fullest form that fits.
            Some(forms) => {
                let room = w.saturating_sub(2 + number.chars().count() + 1);
                vec![
                    Span::styled(mark.to_string(), mark_style.patch(base)),
                    Span::styled(format!("{number} "), base),
                    Span::styled(fitted(forms, room), legal_style.patch(base)),
                ]
            }
            None => vec![
                Span::styled(mark.to_string(), mark_style.patch(base)),
                Span::styled(pad(number), base),
            ],
        };
        vec![
            Line::from(first),
            Line::from(Span::styled(
                pad(format!("  {} {} {}", c.initials, sex, age)),
                rest,
            )),
            Line::from(Span::styled(
                pad(format!(
                    "  {} {} {}",
                    truncate(kind, 5),
                    truncate(risk, 1),
                    days
                )),
                rest,
            )),
        ]
    }
}
