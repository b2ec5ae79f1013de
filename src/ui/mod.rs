//! The terminal app: set-up and tear-down, the event loop, and the screens.
//!
//! The loop blocks on one channel fed by an input thread and a signal thread; it wakes early
//! only when a timer is due (a draft save). It draws after a batch of events, never on a
//! tick, and each frame is wrapped in a synchronized update so slow ssh links see no tearing.

pub mod action;
pub mod app;
pub mod casetab;
pub mod conflict;
pub mod flows;
pub mod keymap;
pub mod keys;
pub mod legal_flow;
pub mod screens;
pub mod term;
mod term_scroll;
pub mod theme;
pub mod widgets;
// The screens' old paths (before `screens/`), so branches written against them still build.
pub use screens::{audit, board, casefile, directory, intake, report};

use std::io::{Write, stdout};
use std::sync::mpsc;
use std::time::Instant;

use ratatui::Terminal;
use ratatui::crossterm::event::{self, DisableBracketedPaste, EnableBracketedPaste, Event};
use ratatui::crossterm::style::{Attribute, SetAttribute};
use ratatui::crossterm::terminal::{
    Clear, ClearType, EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::crossterm::{cursor, execute};
use ratatui::layout::Rect;
use term::Lean;

use crate::error::{Error, Result};
use crate::i18n::{Lang, Msg, fill};
pub use app::{App, Ctx, LockWhy};

enum Wake {
    Input(Event),
    /// The terminal is gone (read failed): nothing more will come from it.
    InputClosed,
    /// SIGHUP, SIGTERM, SIGINT or SIGQUIT: save and leave.
    Signal,
}

/// Puts the terminal back as it was. Safe to call twice, and from the panic hook; errors are
/// ignored because the terminal may already be gone (an ssh drop).
pub fn restore_terminal() {
    let mut out = stdout();
    // Clear the alternate screen first so no case data lingers in a terminal's buffer.
    let _ = execute!(
        out,
        SetAttribute(Attribute::Reset),
        Clear(ClearType::All),
        DisableBracketedPaste,
        LeaveAlternateScreen,
        cursor::Show
    );
    let _ = disable_raw_mode();
    let _ = out.flush();
}

/// Replaces the panic message with one that names only the code location: a panic payload can
/// quote the text being handled (a string slice error prints the string), which may be a
/// child's name.
pub fn install_panic_hook(lang: Lang) {
    std::panic::set_hook(Box::new(move |info| {
        restore_terminal();
        let loc = info
            .location()
            .map(|l| format!("{}:{}", l.file(), l.line()))
            .unwrap_or_else(|| "?".into());
        eprintln!("{}", fill(Msg::Panic.get(lang), &[&loc]));
    }));
}

fn spawn_input(tx: mpsc::Sender<Wake>) {
    std::thread::spawn(move || {
        loop {
            match event::read() {
                Ok(ev) => {
                    if tx.send(Wake::Input(ev)).is_err() {
                        return;
                    }
                }
                Err(_) => {
                    let _ = tx.send(Wake::InputClosed);
                    return;
                }
            }
        }
    });
}

/// crossterm 0.29 never returns from `event::read` once the terminal is gone without a SIGHUP:
/// its read loop retries a read that returns 0 or fails with EIO, and only stops on
/// WouldBlock. That is what happens under `sudo -u meja` without `use_pty` when an ssh link
/// drops (meja is not in the terminal's session, so no SIGHUP comes): the input thread spun at
/// 56 % CPU of a shared server and the session never ended. This thread asks the kernel once a
/// second whether the terminal hung up — poll(2) for no events still reports POLLHUP — without
/// reading from it, and ends the loop the same way a failed read would.
#[cfg(unix)]
fn spawn_hangup_watch(tx: mpsc::Sender<Wake>) {
    use std::io::IsTerminal;
    use std::os::fd::AsRawFd;
    // The terminal crossterm reads: standard input if it is one, else /dev/tty.
    let tty = if std::io::stdin().is_terminal() {
        None
    } else {
        match std::fs::File::open("/dev/tty") {
            Ok(f) => Some(f),
            Err(_) => return,
        }
    };
    std::thread::spawn(move || {
        let fd = tty.as_ref().map_or(0, |f| f.as_raw_fd());
        loop {
            std::thread::sleep(std::time::Duration::from_secs(1));
            let mut p = libc::pollfd {
                fd,
                events: 0,
                revents: 0,
            };
            // SAFETY: one pollfd on the stack, a descriptor this process holds open, no wait.
            let n = unsafe { libc::poll(&mut p, 1, 0) };
            let gone = n > 0 && p.revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0;
            if gone {
                let _ = tx.send(Wake::InputClosed);
                return;
            }
        }
    });
}
#[cfg(not(unix))]
fn spawn_hangup_watch(_tx: mpsc::Sender<Wake>) {}

fn spawn_signals(tx: mpsc::Sender<Wake>) -> std::io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGXFSZ};
    // A write past a file-size limit (`ulimit -f` on a shared server) would kill the process
    // by default, losing the typing since the last draft. With a handler the write fails
    // with EFBIG instead: SQLite reports it, the form stays and the save is retried.
    signal_hook::flag::register(SIGXFSZ, std::sync::Arc::default())?;
    let mut signals = signal_hook::iterator::Signals::new([SIGHUP, SIGTERM, SIGINT, SIGQUIT])?;
    std::thread::spawn(move || {
        if signals.forever().next().is_some() {
            let _ = tx.send(Wake::Signal);
        }
    });
    Ok(())
}

/// Runs the app in the real terminal until the person quits or the terminal goes away.
pub fn run(mut app: App) -> Result<()> {
    let lang = app.ctx.lang;
    let term_err = |e: std::io::Error| Error::new(Msg::ErrTerminal, &[&e]);
    install_panic_hook(lang);
    let (tx, rx) = mpsc::channel();
    spawn_signals(tx.clone()).map_err(term_err)?;

    enable_raw_mode().map_err(term_err)?;
    let mut out = stdout();
    if let Err(e) = execute!(out, EnterAlternateScreen, EnableBracketedPaste) {
        restore_terminal();
        return Err(term_err(e));
    }
    // Listen for SIGWINCH before asking the size. crossterm installs its handler when its
    // event reader is first used, which was the input thread's first read, after the first
    // frame: a size that arrived in between (`docker exec -t`, some ssh clients set it a few
    // ms after start) was never heard of, and the app, sized 0×0, stayed blank until the next
    // resize (issue 14, point 10). From here on any change becomes a Resize event, and the
    // size read below is at least as new as the last one missed.
    if let Err(e) = event::poll(std::time::Duration::ZERO) {
        restore_terminal();
        return Err(term_err(e));
    }
    let backend = match terminal_out() {
        Ok(o) => Lean::new(o),
        Err(e) => {
            restore_terminal();
            return Err(term_err(e));
        }
    };
    let mut terminal = match Terminal::new(backend) {
        Ok(t) => t,
        Err(e) => {
            restore_terminal();
            return Err(term_err(e));
        }
    };
    spawn_hangup_watch(tx.clone());
    spawn_input(tx);

    let result = event_loop(&mut app, &mut terminal, &rx);
    // Whatever ended the loop, the draft is written before the process goes.
    app.flush_draft(Instant::now());
    restore_terminal();
    // Written, not `eprintln!`: the terminal may be gone (a closed pty), and a failed write
    // must not turn a clean exit into a panic.
    if let Some(note) = app.farewell() {
        let _ = writeln!(
            std::io::stderr(),
            "{}",
            crate::domain::text::clean_line(&note)
        );
    }
    result
}

/// The terminal as a file of its own (a duplicate of stdout), so that a frame leaves in one
/// `write` rather than in the pieces stdout's line buffering would cut it into.
#[cfg(unix)]
type Out = std::fs::File;
#[cfg(not(unix))]
type Out = std::io::Stdout;

#[cfg(unix)]
fn terminal_out() -> std::io::Result<Out> {
    use std::os::fd::AsFd;
    Ok(std::fs::File::from(stdout().as_fd().try_clone_to_owned()?))
}
#[cfg(not(unix))]
fn terminal_out() -> std::io::Result<Out> {
    Ok(stdout())
}

/// Draws one frame, wrapped in a synchronized update so the terminal shows it whole, and
/// writes it in one piece. Generic over the writer so the benchmarks count exactly the bytes
/// a terminal would receive.
pub fn draw<W: Write>(app: &mut App, terminal: &mut Terminal<Lean<W>>) -> std::io::Result<()> {
    terminal.backend_mut().begin_frame();
    let drawn = terminal.draw(|f| app.draw(f)).map(|_| ());
    let sent = terminal.backend_mut().end_frame();
    drawn.and(sent)
}

fn event_loop(
    app: &mut App,
    terminal: &mut Terminal<Lean<Out>>,
    rx: &mpsc::Receiver<Wake>,
) -> Result<()> {
    let term_err = |e: std::io::Error| Error::new(Msg::ErrTerminal, &[&e]);
    draw(app, terminal).map_err(term_err)?;
    loop {
        let first = match app.next_deadline() {
            Some(t) => match rx.recv_timeout(t.saturating_duration_since(Instant::now())) {
                Ok(w) => Some(w),
                Err(mpsc::RecvTimeoutError::Timeout) => None,
                Err(mpsc::RecvTimeoutError::Disconnected) => return Ok(()),
            },
            None => match rx.recv() {
                Ok(w) => Some(w),
                Err(_) => return Ok(()),
            },
        };
        let mut redraw = false;
        let mut resized = false;
        // Drain everything already queued before drawing, so a held key or a paste does not
        // queue one frame per event.
        let mut next = first;
        loop {
            match next {
                Some(Wake::Input(ev)) => {
                    resized |= matches!(ev, Event::Resize(..));
                    redraw |= app.handle(&ev);
                }
                Some(Wake::InputClosed) | Some(Wake::Signal) => return Ok(()),
                None => {}
            }
            if app.should_quit() {
                return Ok(());
            }
            match rx.try_recv() {
                Ok(w) => next = Some(w),
                Err(_) => break,
            }
        }
        redraw |= app.tick(Instant::now());
        // A terminal that shrank cut off what no longer fitted, and one that grew back does
        // not bring it back; when a storm of resizes ends at the size of the last frame,
        // ratatui sees no change and would only draw the differences. Repaint everything.
        // (`Terminal::resize` clears without asking the terminal where its cursor is;
        // `Terminal::clear` asks, and the answer would go to the input thread.)
        if resized {
            let repainted = terminal
                .size()
                .and_then(|s| terminal.resize(Rect::new(0, 0, s.width, s.height)));
            if repainted.is_err() {
                return Ok(());
            }
        }
        if redraw {
            // A failed draw means the terminal is gone: leave, the caller saves the draft.
            if draw(app, terminal).is_err() {
                return Ok(());
            }
        }
    }
}
