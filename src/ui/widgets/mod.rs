//! Pieces shared by the screens: the pickers, the text area, the modal prompts, cell-width
//! text helpers, and the popup frame they are drawn in.

pub mod accounts;
pub mod modal;
pub mod picklist;
pub mod regionpicker;
pub mod text;
pub mod textarea;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear};

use crate::ui::theme::Theme;
use text::truncate;

/// Clears a `w`×`h` box centred in `area`, frames it with `title` on top and `hint` below, and
/// returns the inside.
pub fn popup(
    f: &mut Frame,
    area: Rect,
    w: u16,
    h: u16,
    title: &str,
    hint: String,
    theme: &Theme,
) -> Rect {
    let (w, h) = (w.min(area.width), h.min(area.height));
    let rect = Rect {
        x: area.x + area.width.saturating_sub(w) / 2,
        y: area.y + area.height.saturating_sub(h) / 2,
        width: w,
        height: h,
    };
    f.render_widget(Clear, rect);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border())
        .title(Span::styled(
            format!(" {} ", truncate(title, w.saturating_sub(4) as usize)),
            theme.section(),
        ))
        .title_bottom(Line::from(hint));
    let inner = block.inner(rect);
    f.render_widget(block, rect);
    inner
}
