//! The region picker: province → kab/kota → kecamatan → desa/kelurahan, each level filtered
//! fuzzily as you type, with matches from every level below it after the level's own (shown
//! with their full path). It opens where a typical address starts: inside the office's own
//! kab/kota (configuration), or inside the NIK's kecamatan when no address is known yet.

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem, ListState, Paragraph};

use crate::domain::region::{self, Region};
use crate::i18n::{Lang, Msg};
use crate::ui::theme::Theme;
use crate::ui::widgets::popup;

/// Deeper matches listed at most: enough to scroll, few enough to rank on every key.
const DEEP_LIMIT: usize = 200;
/// Letters typed before deeper levels are searched.
const DEEP_FROM: usize = 3;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RegionPicked {
    Stay,
    Cancel,
    Done(String),
}

#[derive(Debug, Clone)]
pub struct RegionPicker {
    /// The regions chosen so far, province first.
    path: Vec<Region>,
    filter: String,
    options: Vec<Region>,
    visible: Vec<Region>,
    cursor: usize,
    /// Shown above the list: where the starting point came from.
    pub hint: Option<Msg>,
}

impl RegionPicker {
    /// Opens at `current` when set (its siblings listed, it highlighted), else inside
    /// `suggestion` (the NIK's kecamatan), else inside `default` (the office's kab/kota).
    pub fn new(current: &str, suggestion: Option<&str>, default: &str) -> RegionPicker {
        let valid = |c: &str| !c.is_empty() && region::get(c).is_some();
        let (mut path_code, highlight, hint) = if valid(current) {
            (
                region::parent(current).map(str::to_string),
                Some(current.to_string()),
                None,
            )
        } else if let Some(s) = suggestion.filter(|s| valid(s)) {
            (Some(s.to_string()), None, Some(Msg::RegionFromNik))
        } else if valid(default) {
            (Some(default.to_string()), None, Some(Msg::RegionFromConfig))
        } else {
            (None, None, None)
        };
        if path_code
            .as_deref()
            .is_some_and(|c| region::children(Some(c)).is_empty())
        {
            path_code = path_code
                .as_deref()
                .and_then(region::parent)
                .map(str::to_string);
        }
        let path = path_code.as_deref().map(region::path).unwrap_or_default();
        let mut p = RegionPicker {
            path,
            filter: String::new(),
            options: Vec::new(),
            visible: Vec::new(),
            cursor: 0,
            hint,
        };
        p.load();
        if let Some(h) = highlight {
            p.cursor = p.visible.iter().position(|r| r.code == h).unwrap_or(0);
        }
        p
    }

    fn load(&mut self) {
        self.options = region::children(self.path.last().map(|r| r.code));
        self.refilter();
    }

    /// The level's own matches first, then matches at every level below it, so a name
    /// typed at the province level still finds a kab/kota, kecamatan or desa.
    fn refilter(&mut self) {
        self.visible = region::search(&self.options, &self.filter);
        let parent = self.path.last().map(|r| r.code);
        let want = self.path.len() + 1;
        // One or two letters match half the country; the level's own list is enough then.
        if self.filter.trim().chars().count() < DEEP_FROM {
            self.cursor = 0;
            return;
        }
        self.visible.extend(
            region::search_below(parent, &self.filter, DEEP_LIMIT)
                .into_iter()
                .filter(|r| r.level() > want),
        );
        self.cursor = 0;
    }

    /// Where Enter on `r` leads: into it (its path becomes the picker's), or `r` itself
    /// when it has nothing below.
    fn enter(&mut self, r: Region) -> RegionPicked {
        if r.level() >= 4 || region::children(Some(r.code)).is_empty() {
            return RegionPicked::Done(r.code.to_string());
        }
        self.path = region::path(r.code);
        self.filter.clear();
        self.hint = None;
        self.load();
        RegionPicked::Stay
    }

    pub fn handle(&mut self, key: &KeyEvent) -> RegionPicked {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        match key.code {
            KeyCode::Esc => return RegionPicked::Cancel,
            // No region at all: clears a filter (the directory's area, the board's region)
            // or the field, which Enter cannot do since it always chooses a region.
            KeyCode::Delete => return RegionPicked::Done(String::new()),
            KeyCode::Up => self.cursor = self.cursor.saturating_sub(1),
            KeyCode::Down if self.cursor + 1 < self.visible.len() => self.cursor += 1,
            KeyCode::PageUp | KeyCode::Home => self.cursor = 0,
            KeyCode::PageDown | KeyCode::End => self.cursor = self.visible.len().saturating_sub(1),
            // Tab stops at the highlighted region without going deeper.
            KeyCode::Tab => {
                if let Some(r) = self.visible.get(self.cursor) {
                    return RegionPicked::Done(r.code.to_string());
                }
                if let Some(r) = self.path.last() {
                    return RegionPicked::Done(r.code.to_string());
                }
            }
            KeyCode::Enter => {
                let Some(r) = self.visible.get(self.cursor).copied() else {
                    return self.path.last().map_or(RegionPicked::Stay, |r| {
                        RegionPicked::Done(r.code.to_string())
                    });
                };
                return self.enter(r);
            }
            KeyCode::Backspace => {
                if self.filter.pop().is_none() {
                    // An empty filter: one level up.
                    if let Some(up) = self.path.pop() {
                        self.hint = None;
                        self.load();
                        self.cursor = self
                            .visible
                            .iter()
                            .position(|r| r.code == up.code)
                            .unwrap_or(0);
                    }
                } else {
                    self.refilter();
                }
            }
            KeyCode::Char(c) if !ctrl => {
                self.filter.push(c);
                self.refilter();
            }
            _ => {}
        }
        RegionPicked::Stay
    }

    pub fn draw(&self, f: &mut Frame, area: Rect, lang: Lang, theme: &Theme) {
        let w = area.width.saturating_sub(4).min(76);
        let h = area
            .height
            .saturating_sub(2)
            .min(18)
            .max(3.min(area.height));
        let level_name = match self.path.len() {
            0 => Msg::RegionProvince,
            1 => Msg::RegionRegency,
            2 => Msg::RegionDistrict,
            _ => Msg::RegionVillage,
        };
        let title = if self.path.is_empty() {
            level_name.get(lang).to_string()
        } else {
            let names: Vec<&str> = self.path.iter().map(|r| r.name).collect();
            format!("{} › {}", names.join(" › "), level_name.get(lang))
        };
        let hint = format!(" {} ", Msg::RegionKeys.get(lang));
        let inner = popup(f, area, w, h, &title, hint, theme);
        if inner.height < 2 {
            return;
        }
        let mut top = vec![Span::raw("› "), Span::raw(self.filter.clone())];
        if let Some(h) = self.hint.filter(|_| self.filter.is_empty()) {
            top.push(Span::styled(
                format!("  ({})", h.get(lang)),
                theme.placeholder(),
            ));
        }
        f.render_widget(Paragraph::new(Line::from(top)), Rect { height: 1, ..inner });
        let list_area = Rect {
            y: inner.y + 1,
            height: inner.height - 1,
            ..inner
        };
        let items: Vec<ListItem> = if self.visible.is_empty() {
            vec![ListItem::new(Span::styled(
                Msg::PickNothingMatches.get(lang),
                theme.placeholder(),
            ))]
        } else {
            let own = self.path.len() + 1;
            self.visible
                .iter()
                .map(|r| {
                    // A match from a deeper level shows where it is.
                    if r.level() > own {
                        ListItem::new(region::describe(r.code))
                    } else {
                        ListItem::new(r.name.to_string())
                    }
                })
                .collect()
        };
        let mut state = ListState::default();
        if !self.visible.is_empty() {
            state.select(Some(self.cursor));
        }
        f.render_stateful_widget(
            List::new(items)
                .highlight_style(theme.selected())
                .highlight_symbol("▶"),
            list_area,
            &mut state,
        );
        let cx = unicode_width::UnicodeWidthStr::width(self.filter.as_str()) as u16;
        f.set_cursor_position((inner.x + 2 + cx.min(inner.width.saturating_sub(3)), inner.y));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn k(c: KeyCode) -> KeyEvent {
        KeyEvent::new(c, KeyModifiers::NONE)
    }

    fn typ(p: &mut RegionPicker, s: &str) {
        for c in s.chars() {
            p.handle(&k(KeyCode::Char(c)));
        }
    }

    #[test]
    fn a_desa_in_the_offices_own_city_takes_a_few_keys() {
        let mut p = RegionPicker::new("", None, "18.72");
        typ(&mut p, "utara");
        p.handle(&k(KeyCode::Enter));
        assert_eq!(p.path.last().unwrap().name, "Metro Utara");
        let first = p.visible[0];
        assert_eq!(
            p.handle(&k(KeyCode::Enter)),
            RegionPicked::Done(first.code.to_string())
        );
        assert!(first.code.starts_with("18.72.02."));
    }

    #[test]
    fn from_the_top_down_and_back_up() {
        let mut p = RegionPicker::new("", None, "");
        typ(&mut p, "lampung");
        p.handle(&k(KeyCode::Enter));
        typ(&mut p, "kt metro");
        assert_eq!(p.visible[0].name, "Kota Metro");
        // Tab stops at the kab/kota.
        assert_eq!(
            p.handle(&k(KeyCode::Tab)),
            RegionPicked::Done("18.72".into())
        );
        let mut p = RegionPicker::new("18.72.01", None, "");
        assert_eq!(
            p.visible[p.cursor].code, "18.72.01",
            "opens on the current value"
        );
        p.handle(&k(KeyCode::Backspace));
        assert_eq!(p.path.len(), 1, "an empty filter's backspace goes up");
    }

    #[test]
    fn typing_at_a_level_searches_every_level_below_it() {
        let mut p = RegionPicker::new("", None, "");
        typ(&mut p, "kota metro");
        assert_eq!(p.visible[0].code, "18.72", "{:?}", &p.visible[..3]);
        // Enter goes into it as if chosen level by level.
        p.handle(&k(KeyCode::Enter));
        assert_eq!(
            p.path.iter().map(|r| r.code).collect::<Vec<_>>(),
            ["18", "18.72"]
        );
        // A kecamatan typed at the province level, inside Lampung.
        let mut p = RegionPicker::new("", None, "");
        typ(&mut p, "lampung");
        p.handle(&k(KeyCode::Enter));
        typ(&mut p, "metro utara");
        assert_eq!(p.visible[0].code, "18.72.02");
        assert_eq!(
            p.handle(&k(KeyCode::Tab)),
            RegionPicked::Done("18.72.02".into())
        );
    }

    #[test]
    fn delete_chooses_no_region() {
        let mut p = RegionPicker::new("18.72.01", None, "");
        assert_eq!(
            p.handle(&k(KeyCode::Delete)),
            RegionPicked::Done(String::new())
        );
    }

    #[test]
    fn the_nik_suggests_where_to_start() {
        let p = RegionPicker::new("", Some("18.72.03"), "11.01");
        assert_eq!(p.path.last().unwrap().code, "18.72.03");
        assert_eq!(p.hint, Some(Msg::RegionFromNik));
    }
}
