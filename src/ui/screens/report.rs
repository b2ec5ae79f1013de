//! The report screen (F12): one month's figures as SIMFONI-PPA asks for them, and new cases per
//! month over the last year as bars, since people would rather look than read. Everything
//! shown was loaded by the app; drawing runs no SQL.

use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, BarGroup, Block, Borders, Paragraph};

use crate::domain::report::{Month, Report, TableKind};
use crate::domain::validate::format_date;
use crate::i18n::{Lang, Msg, fill};
use crate::io::report::{row_label, table_title, unit_word};
use crate::ui::action::Action;
use crate::ui::keymap::{Described, REPORT, ReportKey};
use crate::ui::screens::{Cx, Screen};
use crate::ui::theme::Theme;
use crate::ui::widgets::text::truncate;

#[derive(Debug, Clone, Default)]
pub struct ReportView {
    /// The month shown; None until the screen is first opened.
    pub month: Option<Month>,
    pub report: Option<Report>,
    pub trend: Vec<(Month, u64)>,
    pub scroll: u16,
    /// The figures' lines and the rows they had at the last draw, to keep scrolling within
    /// them.
    lines: u16,
    height: u16,
}

impl ReportView {
    pub fn set(&mut self, report: Report, trend: Vec<(Month, u64)>) {
        self.report = Some(report);
        self.trend = trend;
        self.scroll = 0;
    }

    pub fn scroll_by(&mut self, delta: i32) {
        let max = self.lines.saturating_sub(self.height) as i32;
        self.scroll = (self.scroll as i32 + delta).clamp(0, max.max(0)) as u16;
    }

    fn summary(&self, r: &Report, lang: Lang) -> Vec<Line<'static>> {
        let days = |v: Option<f64>| {
            v.map(|d| format!("{d:.1}"))
                .unwrap_or_else(|| Msg::RepNoValue.get(lang).into())
        };
        vec![
            Line::raw(format!(
                "{}: {}   {}: {}   {}: {}",
                Msg::RepOpened.get(lang),
                r.cases_opened,
                Msg::RepVictims.get(lang),
                r.victims,
                Msg::RepClosed.get(lang),
                r.cases_closed
            )),
            Line::raw(fill(
                Msg::RepScreenMedians.get(lang),
                &[
                    &days(r.median_days_to_assessment),
                    &days(r.median_days_to_closure),
                ],
            )),
            Line::raw(format!(
                "{}: {}",
                fill(Msg::RepOverdue.get(lang), &[&format_date(r.as_of)]),
                r.overdue
            )),
        ]
    }

    fn tables(&self, r: &Report, lang: Lang, theme: &Theme, width: usize) -> Vec<Line<'static>> {
        // How far the month's victims are entered into SIMFONI, above the tables to copy.
        let mut lines = vec![
            Line::raw(truncate(
                &fill(
                    Msg::SimReportLine.get(lang),
                    &[
                        &r.simfoni.entered,
                        &r.simfoni.changed,
                        &r.simfoni.not_entered,
                    ],
                ),
                width,
            )),
            // The legal process this office accompanied in the month (issue 19).
            Line::raw(truncate(
                &format!(
                    "{}: {}   {}: {}",
                    Msg::RepPoliceReports.get(lang),
                    r.police_reports,
                    Msg::RepVerdicts.get(lang),
                    r.verdicts
                ),
                width,
            )),
            Line::raw(""),
        ];
        for t in &r.tables {
            lines.push(Line::from(Span::styled(
                format!(
                    "{} ({})",
                    table_title(t.kind, lang),
                    unit_word(t.unit, lang)
                ),
                theme.section(),
            )));
            for row in &t.rows {
                let mut label = row_label(t.kind, &row.code, lang);
                if t.kind == TableKind::District && !row.code.is_empty() {
                    label = format!("{} {label}", row.code);
                }
                let label = truncate(&label, width.saturating_sub(10));
                let pad = width.saturating_sub(label.chars().count() + 8);
                let text = format!("  {label}{}{:>6}", " ".repeat(pad), row.count);
                // Zero rows stay listed (SIMFONI asks for every category) but step back.
                lines.push(if row.count == 0 {
                    Line::from(Span::styled(text, theme.placeholder()))
                } else {
                    Line::raw(text)
                });
            }
            lines.push(Line::raw(""));
        }
        lines
    }

    fn chart(&self, f: &mut Frame, area: Rect, lang: Lang, theme: &Theme) {
        let block = Block::default()
            .borders(Borders::TOP)
            .border_style(theme.border())
            .title(Span::styled(Msg::RepTrend.get(lang), theme.section()));
        let inner = block.inner(area);
        f.render_widget(block, area);
        let n = self.trend.len().max(1) as u16;
        // Twelve bars with a gap each must fit: as wide as the screen allows, at least one.
        let bar_width = (inner.width / n).saturating_sub(1).clamp(1, 6);
        let bars: Vec<Bar> = self
            .trend
            .iter()
            .map(|(m, count)| {
                let label = if bar_width >= 5 {
                    format!("{:02}/{:02}", m.month, m.year % 100)
                } else {
                    format!("{:02}", m.month)
                };
                Bar::default()
                    .value(*count)
                    .label(Line::from(label))
                    .style(theme.value())
                    .value_style(theme.title())
            })
            .collect();
        f.render_widget(
            BarChart::default()
                .data(BarGroup::default().bars(&bars))
                .bar_width(bar_width)
                .bar_gap(1),
            inner,
        );
    }

    pub fn draw(&mut self, f: &mut Frame, area: Rect, lang: Lang, theme: &Theme) {
        let Some(r) = self.report.clone() else {
            return;
        };
        let head = vec![Line::from(Span::styled(
            fill(
                Msg::RepPeriod.get(lang),
                &[&format_date(r.from), &format_date(r.to)],
            ),
            theme.section(),
        ))];
        let summary = self.summary(&r, lang);
        // The chart goes where there is room for it: below 16 rows the figures come first.
        let chart_h = if area.height >= 16 { 8 } else { 0 };
        let [top, chart, body] = Layout::vertical([
            Constraint::Length(4.min(area.height)),
            Constraint::Length(chart_h),
            Constraint::Min(0),
        ])
        .areas(area);
        let top_lines: Vec<Line> = head.into_iter().chain(summary).collect();
        f.render_widget(Paragraph::new(top_lines), pad(top));
        if chart_h > 0 && chart.width >= 14 {
            self.chart(f, chart, lang, theme);
        }
        if body.height == 0 {
            return;
        }
        let lines = self.tables(&r, lang, theme, body.width.saturating_sub(2) as usize);
        self.lines = lines.len() as u16;
        self.height = body.height;
        self.scroll = self.scroll.min(self.lines.saturating_sub(self.height));
        f.render_widget(Paragraph::new(lines).scroll((self.scroll, 0)), pad(body));
    }
}

/// One column of margin on the left, as other screens have.
fn pad(r: Rect) -> Rect {
    Rect {
        x: r.x + 1,
        width: r.width.saturating_sub(1),
        ..r
    }
}

impl Screen for ReportView {
    fn keys(&self) -> Vec<&'static dyn Described> {
        vec![&REPORT]
    }

    fn on_key(&mut self, key: &KeyEvent, cx: &Cx) -> Option<Action> {
        let this = Month::of(cx.today);
        let month = self.month.unwrap_or(this);
        match REPORT.lookup(key)? {
            ReportKey::PrevMonth => return Some(Action::ReportMonth(month.prev())),
            // No report of a month that has not begun.
            ReportKey::NextMonth if month.next() <= this => {
                return Some(Action::ReportMonth(month.next()));
            }
            ReportKey::NextMonth => {}
            ReportKey::Up => self.scroll_by(-1),
            ReportKey::Down => self.scroll_by(1),
            ReportKey::PageUp => self.scroll_by(-10),
            ReportKey::PageDown => self.scroll_by(10),
            ReportKey::Top => self.scroll = 0,
            ReportKey::Leave => return Some(Action::Back),
        }
        None
    }

    fn draw(&mut self, f: &mut Frame, area: Rect, cx: &Cx) {
        ReportView::draw(self, f, area, cx.lang, cx.theme);
    }
}
