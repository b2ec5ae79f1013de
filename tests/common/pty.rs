//! The real `meja` binary in a pseudo-terminal (portable-pty), its screen read back through a
//! terminal emulator (vt100). Every end-to-end test starts its processes here and prepares its
//! database with [`prepare_db`], so a sign-in step or a staff account is added in one place.
//!
//! Waits have a generous deadline that only bounds a hung test: nothing asserts how fast a
//! screen appears. Keys are written one by one with a short pause, like a person typing.

use std::io::{Read, Write};
use std::os::fd::{AsRawFd, BorrowedFd};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, ExitStatus, MasterPty, PtySize, native_pty_system};

/// How long a wait may take before the test is declared hung. Generous: CI machines are
/// shared and other builds run beside the tests.
pub const DEADLINE: Duration = Duration::from_secs(90);
/// The pause after each key, like a (fast) person.
const KEY_PAUSE: Duration = Duration::from_millis(8);

pub const TAB: &str = "\t";
pub const SHIFT_TAB: &str = "\x1b[Z";
pub const ENTER: &str = "\r";
pub const ESC: &str = "\x1b";
pub const UP: &str = "\x1b[A";
pub const DOWN: &str = "\x1b[B";
pub const RIGHT: &str = "\x1b[C";
pub const LEFT: &str = "\x1b[D";
pub const BACKSPACE: &str = "\x7f";
pub const F1: &str = "\x1bOP";
pub const F2: &str = "\x1bOQ";
pub const F3: &str = "\x1bOR";
pub const F4: &str = "\x1bOS";
pub const F10: &str = "\x1b[21~";

/// Ctrl and a letter, as a terminal sends it.
pub fn ctrl(c: char) -> String {
    ((c.to_ascii_lowercase() as u8 - b'a' + 1) as char).to_string()
}

/// The PIN every test account has.
pub const PIN: &str = super::TEST_PIN;

/// The database file every end-to-end test uses, in `dir`, with ani as its first supervisor.
pub fn prepare_db(dir: &Path) -> PathBuf {
    let db = dir.join("meja.db");
    ensure_account(&db, "ani");
    db
}

/// Gives `db` (created if missing) a supervisor account `user` with [`PIN`], unless it has
/// one. Sessions call it for their worker, so a test can start any number of workers by name.
pub fn ensure_account(db: &Path, user: &str) {
    let mut s = meja::store::Store::open(db).expect("open store");
    super::add_supervisor(&mut s, user);
}

/// How to start a session.
#[derive(Debug, Clone)]
pub struct Opts {
    pub term: String,
    pub no_color: bool,
    /// (columns, rows)
    pub size: (u16, u16),
    pub user: String,
    pub lang: String,
    pub args: Vec<String>,
    pub env: Vec<(String, String)>,
    /// Started through `setsid`, so the pty is meja's terminal but not its controlling one:
    /// a closed terminal sends it no SIGHUP, as under `sudo -u meja` without `use_pty`.
    pub detached: bool,
}

impl Default for Opts {
    fn default() -> Self {
        Opts {
            term: "xterm-256color".into(),
            no_color: false,
            size: (80, 24),
            user: "ani".into(),
            lang: "id".into(),
            args: Vec::new(),
            env: Vec::new(),
            detached: false,
        }
    }
}

impl Opts {
    pub fn term(mut self, term: &str) -> Self {
        self.term = term.into();
        self
    }
    pub fn no_color(mut self) -> Self {
        self.no_color = true;
        self
    }
    pub fn user(mut self, user: &str) -> Self {
        self.user = user.into();
        self
    }
    pub fn detached(mut self) -> Self {
        self.detached = true;
        self
    }
    pub fn size(mut self, cols: u16, rows: u16) -> Self {
        self.size = (cols, rows);
        self
    }
}

fn pty_size(cols: u16, rows: u16) -> PtySize {
    PtySize {
        rows,
        cols,
        pixel_width: 0,
        pixel_height: 0,
    }
}

fn nz(n: u16) -> std::num::NonZero<u16> {
    std::num::NonZero::new(n.max(1)).unwrap()
}

pub struct Session {
    pub child: Box<dyn Child + Send + Sync>,
    pid: u32,
    /// The master side: kept for resizing; dropped (with the two below) to close the pty.
    master: Option<Box<dyn MasterPty + Send>>,
    /// Our own duplicate of the master for writing keys. (portable-pty's writer types a
    /// newline and Ctrl-D into the app when dropped, which would be keys the test never
    /// pressed.)
    writer: Option<std::fs::File>,
    /// Tells the reader thread to drop its duplicate of the master.
    closing: Arc<AtomicBool>,
    reader: Option<std::thread::JoinHandle<()>>,
    screen: Arc<Mutex<vt100::Parser>>,
    exited: Option<ExitStatus>,
}

/// A duplicate of the pty master's descriptor, as a plain file.
fn dup_master(master: &dyn MasterPty) -> std::fs::File {
    let fd = master.as_raw_fd().expect("a unix pty");
    // SAFETY: `fd` is open for as long as `master` lives, which outlives this call; the
    // duplicate is a new descriptor owned by the returned file.
    let owned = unsafe { BorrowedFd::borrow_raw(fd) }
        .try_clone_to_owned()
        .expect("dup pty master");
    std::fs::File::from(owned)
}

/// Reads the app's output into the emulator until the pty ends or the session closes it.
/// Polls with a short timeout so that closing never waits on output that will not come.
fn read_screen(
    mut file: std::fs::File,
    screen: Arc<Mutex<vt100::Parser>>,
    closing: Arc<AtomicBool>,
) {
    let mut buf = [0u8; 8192];
    while !closing.load(Ordering::SeqCst) {
        let mut pfd = libc::pollfd {
            fd: file.as_raw_fd(),
            events: libc::POLLIN,
            revents: 0,
        };
        // SAFETY: one valid pollfd for the duration of the call.
        let ready = unsafe { libc::poll(&mut pfd, 1, 50) };
        if ready <= 0 {
            continue;
        }
        match file.read(&mut buf) {
            // EIO once the app and every other holder of the slave side are gone.
            Ok(0) | Err(_) => break,
            Ok(n) => screen.lock().unwrap().process(&buf[..n]),
        }
    }
}

impl Session {
    /// Starts `meja --db DB` in a new pty and waits for its first screen.
    pub fn start(db: &Path, opts: Opts) -> Session {
        ensure_account(db, &opts.user);
        let mut s = Session::spawn(db, &opts);
        // Sign in with the PIN, then the first frame: the alternate screen with the title
        // bar (the sign-in screen has the PIN prompt, which must be gone).
        s.wait_for("PIN:");
        s.send(PIN);
        s.send(ENTER);
        s.wait_until("the first screen after sign-in", |t| {
            t.contains(" meja · ") && !t.contains("PIN:")
        });
        s
    }

    /// [`Session::start`] with the defaults: xterm-256color, 80×24, worker "ani", Indonesian.
    pub fn start_default(db: &Path) -> Session {
        Session::start(db, Opts::default())
    }

    /// Starts meja without signing in: for tests of what comes before (the first start of a
    /// new database, the sign-in screen itself).
    pub fn spawn(db: &Path, opts: &Opts) -> Session {
        let (cols, rows) = opts.size;
        let pair = native_pty_system()
            .openpty(pty_size(cols, rows))
            .expect("openpty");
        let mut cmd = if opts.detached {
            let mut c = CommandBuilder::new("setsid");
            c.args(["-w", env!("CARGO_BIN_EXE_meja")]);
            c
        } else {
            CommandBuilder::new(env!("CARGO_BIN_EXE_meja"))
        };
        cmd.arg("--db");
        cmd.arg(db);
        cmd.args(["--user", &opts.user, "--lang", &opts.lang]);
        cmd.args(&opts.args);
        // A clean environment: only what the test decides. HOME is the test's folder, so no
        // configuration of the machine's user is read.
        cmd.env_clear();
        cmd.env("PATH", std::env::var_os("PATH").unwrap_or_default());
        cmd.env("HOME", db.parent().unwrap_or(Path::new("/")));
        cmd.env("TERM", &opts.term);
        if opts.no_color {
            cmd.env("NO_COLOR", "1");
        }
        for (k, v) in &opts.env {
            cmd.env(k, v);
        }
        cmd.cwd(db.parent().unwrap_or(Path::new("/")));
        let child = pair.slave.spawn_command(cmd).expect("spawn meja");
        drop(pair.slave);
        let pid = child.process_id().expect("pid");
        let screen = Arc::new(Mutex::new(vt100::Parser::new(nz(rows), nz(cols), 0)));
        let closing = Arc::new(AtomicBool::new(false));
        let reader = {
            let file = dup_master(&*pair.master);
            let (screen, closing) = (screen.clone(), closing.clone());
            std::thread::spawn(move || read_screen(file, screen, closing))
        };
        Session {
            child,
            pid,
            writer: Some(dup_master(&*pair.master)),
            master: Some(pair.master),
            closing,
            reader: Some(reader),
            screen,
            exited: None,
        }
    }

    pub fn pid(&self) -> u32 {
        self.pid
    }

    /// The screen as text, one line per row.
    pub fn text(&self) -> String {
        self.screen.lock().unwrap().screen().contents()
    }

    /// Runs `f` on the emulated screen (colours, attributes).
    pub fn with_screen<T>(&self, f: impl FnOnce(&vt100::Screen) -> T) -> T {
        f(self.screen.lock().unwrap().screen())
    }

    /// Waits until `ok` holds for the screen text; returns that text. Panics with the screen
    /// when the deadline passes or the process ended.
    pub fn wait_until(&self, what: &str, ok: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + DEADLINE;
        loop {
            let text = self.text();
            if ok(&text) {
                return text;
            }
            if Instant::now() > deadline {
                panic!("{what} never appeared; screen:\n{text}");
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Waits for `needle` on screen; returns the screen text.
    pub fn wait_for(&self, needle: &str) -> String {
        self.wait_until(&format!("{needle:?}"), |t| t.contains(needle))
    }

    /// Waits for any of `needles`; returns which one and the screen text.
    pub fn wait_for_any(&self, needles: &[&str]) -> (usize, String) {
        let text = self.wait_until(&format!("one of {needles:?}"), |t| {
            needles.iter().any(|n| t.contains(n))
        });
        let i = needles.iter().position(|n| text.contains(n)).unwrap();
        (i, text)
    }

    /// Writes bytes as they are (one key, or a burst a terminal would send at once), then
    /// pauses a moment like a person between keys.
    pub fn send(&mut self, bytes: &str) {
        self.send_now(bytes);
        std::thread::sleep(KEY_PAUSE);
    }

    /// Writes bytes with no pause after them: for a kill that must be able to land while
    /// the app is still handling the key.
    pub fn send_now(&mut self, bytes: &str) {
        let w = self.writer.as_mut().expect("the pty is open");
        w.write_all(bytes.as_bytes()).expect("write to pty");
        w.flush().expect("flush pty");
    }

    /// Types `s` one character at a time.
    pub fn typ(&mut self, s: &str) {
        for c in s.chars() {
            self.send(&c.to_string());
        }
    }

    /// Sends `key` `n` times.
    pub fn repeat(&mut self, key: &str, n: usize) {
        for _ in 0..n {
            self.send(key);
        }
    }

    /// A bracketed paste (what a terminal sends when text is pasted).
    pub fn paste(&mut self, s: &str) {
        self.send(&format!("\x1b[200~{s}\x1b[201~"));
    }

    /// Changes the terminal size (the app gets SIGWINCH) and the emulator's with it.
    pub fn resize(&mut self, cols: u16, rows: u16) {
        // As a real terminal does: its own grid changes first (cutting what no longer fits),
        // then the app is told (SIGWINCH) and must repaint.
        self.screen
            .lock()
            .unwrap()
            .screen_mut()
            .set_size(nz(rows), nz(cols));
        if let Some(m) = &self.master {
            m.resize(pty_size(cols, rows)).expect("resize pty");
        }
    }

    pub fn is_running(&mut self) -> bool {
        if self.exited.is_some() {
            return false;
        }
        match self.child.try_wait().expect("try_wait") {
            Some(st) => {
                self.exited = Some(st);
                false
            }
            None => true,
        }
    }

    /// Sends a signal (`libc::SIGHUP`, …) to the process.
    pub fn signal(&mut self, sig: i32) {
        // SAFETY: kill(2) with a pid this session spawned and has not reaped.
        let r = unsafe { libc::kill(self.pid as libc::pid_t, sig) };
        assert_eq!(r, 0, "kill({}, {sig})", self.pid);
    }

    /// SIGKILL: the process dies at once, mid-whatever. Waits until it is gone.
    pub fn sigkill(&mut self) -> ExitStatus {
        self.signal(libc::SIGKILL);
        self.wait_exit()
    }

    /// Closes the terminal: the master side of the pty goes away, as when an ssh link drops
    /// or a terminal window is closed.
    pub fn close_pty(&mut self) {
        self.closing.store(true, Ordering::SeqCst);
        if let Some(r) = self.reader.take() {
            r.join().expect("reader thread");
        }
        self.writer = None;
        self.master = None;
    }

    /// Waits for the process to end (bounded by the deadline) and reaps it.
    pub fn wait_exit(&mut self) -> ExitStatus {
        let deadline = Instant::now() + DEADLINE;
        while self.is_running() {
            if Instant::now() > deadline {
                let text = self.text();
                let _ = self.child.kill();
                panic!("meja (pid {}) did not exit; screen:\n{text}", self.pid);
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        self.exited.clone().unwrap()
    }

    /// Quits with Ctrl-Q and expects a clean exit.
    pub fn quit(&mut self) {
        self.send(&ctrl('q'));
        let st = self.wait_exit();
        assert!(
            st.success(),
            "meja exited with {st:?}; screen:\n{}",
            self.text()
        );
    }

    /// Moves to the n-th field of the intake form from the top (see `common::at`).
    pub fn goto_field(&mut self, f: meja::domain::intake::Field) {
        // One burst of Shift-Tabs reaches the top whatever the focus; a terminal sends a held
        // key the same way.
        self.send(&SHIFT_TAB.repeat(45));
        self.repeat(TAB, super::position(f));
    }

    /// On a focused choice: opens its list, filters by `filter`, takes the first match.
    pub fn pick(&mut self, filter: &str) {
        self.send(ENTER);
        self.typ(filter);
        self.send(ENTER);
    }

    /// On a focused multiple choice: ticks the first match of each filter, then closes.
    pub fn pick_many(&mut self, filters: &[&str]) {
        self.send(ENTER);
        for f in filters {
            self.typ(f);
            self.send(" ");
            self.repeat(BACKSPACE, f.chars().count());
        }
        self.send(ENTER);
    }
}

impl Drop for Session {
    /// A failed test never leaves a process behind.
    fn drop(&mut self) {
        if self.is_running() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// One intake, as a front-desk worker types it.
#[derive(Debug, Clone)]
pub struct IntakeKeys {
    pub reporter: String,
    pub phone: String,
    pub victim: String,
    pub nik: String,
    /// Day first, typed as digits and separators.
    pub birth: String,
    pub chronology: String,
}

impl Default for IntakeKeys {
    fn default() -> Self {
        IntakeKeys {
            reporter: "Rina Wulandari".into(),
            phone: "0812-3456-7890".into(),
            victim: "Siti Aminah".into(),
            nik: "3372015205140001".into(),
            birth: "12-05-2014".into(),
            chronology: "Korban dipukul di rumah pada malam hari.".into(),
        }
    }
}

/// The fields tests go to by name, as in the in-process tests.
pub use super::at;

/// Types a complete intake into the open (new) form, key by key, and waits until the last
/// field shows. Does not save.
pub fn type_intake(s: &mut Session, k: &IntakeKeys) {
    s.goto_field(at::REPORTER_NAME);
    s.typ(&k.reporter);
    s.goto_field(at::REPORTER_PHONE);
    s.typ(&k.phone);
    s.goto_field(at::VICTIM_NAME);
    s.typ(&k.victim);
    s.goto_field(at::VICTIM_NIK);
    s.typ(&k.nik);
    s.goto_field(at::VICTIM_SEX);
    s.pick("perem");
    s.goto_field(at::VICTIM_BIRTH);
    s.typ(&k.birth);
    s.goto_field(at::VICTIM_AMPK);
    s.pick_many(&["kekerasan fisik"]);
    s.goto_field(at::VIOLENCE);
    s.pick_many(&["fisik"]);
    s.goto_field(at::CHRONOLOGY);
    s.typ(&k.chronology);
    s.goto_field(at::RISK);
    s.pick("tinggi");
    s.goto_field(at::CONSENT);
    s.pick("setuju");
    s.goto_field(at::SHARE);
    s.pick("ya");
    s.goto_field(at::GIVEN_BY);
    s.typ("Rahma");
    s.goto_field(at::RELATION);
    s.pick("orang tua");
    s.wait_for("Orang tua");
}

/// A small deterministic generator (xorshift64*) for "random" moments that repeat run after
/// run.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }
    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    /// Uniform-ish in `0..n`.
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

/// `PRAGMA integrity_check` of the file, opened fresh.
pub fn integrity(db: &Path) -> String {
    let c = rusqlite::Connection::open(db).expect("open db");
    c.query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .expect("integrity_check")
}

/// Rows of a one-column query.
pub fn column(db: &Path, sql: &str) -> Vec<String> {
    let c = rusqlite::Connection::open(db).expect("open db");
    let mut st = c.prepare(sql).expect("prepare");
    st.query_map([], |r| r.get::<_, String>(0))
        .expect("query")
        .map(|r| r.expect("row"))
        .collect()
}

/// A single number from a query.
pub fn count(db: &Path, sql: &str) -> i64 {
    let c = rusqlite::Connection::open(db).expect("open db");
    c.query_row(sql, [], |r| r.get(0)).expect("count")
}

/// Finds `PREFIX/YYYY/NNNN` after `label` on the screen.
pub fn case_number_after(text: &str, label: &str) -> Option<String> {
    let at = text.find(label)? + label.len();
    let rest = &text[at..];
    let n: String = rest
        .trim_start()
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '/')
        .collect();
    (!n.is_empty()).then_some(n)
}

/// Waits until `ok` holds for the database (a save the app makes on its own, on a timer).
/// The deadline only bounds a hang.
pub fn wait_db(what: &str, ok: impl Fn() -> bool) {
    let deadline = Instant::now() + DEADLINE;
    while !ok() {
        if Instant::now() > deadline {
            panic!("the database never showed {what}");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// The drafts in the file, as intakes.
pub fn drafts(db: &Path) -> Vec<meja::domain::intake::Intake> {
    column(db, "SELECT body FROM drafts ORDER BY id")
        .iter()
        .map(|b| serde_json::from_str(b).expect("a draft body"))
        .collect()
}

/// The draft whose first victim is named `name`.
pub fn draft_named(db: &Path, name: &str) -> Option<meja::domain::intake::Intake> {
    drafts(db).into_iter().find(|d| d.victims[0].name == name)
}

#[cfg(target_os = "linux")]
impl Session {
    /// Sets the process's file-size limit (RLIMIT_FSIZE) from outside, as `prlimit` does;
    /// `None` lifts it. Writes past the limit fail (EFBIG), which SQLite reports as it
    /// reports a full disk or a filesystem gone read-only. Unlike file permissions, root is
    /// bound by it too, and it reaches files the process already has open.
    pub fn limit_file_size(&mut self, bytes: Option<u64>) {
        let v = bytes.unwrap_or(libc::RLIM_INFINITY);
        let lim = libc::rlimit {
            rlim_cur: v,
            rlim_max: libc::RLIM_INFINITY,
        };
        // SAFETY: prlimit(2) on the pid this session spawned, with a valid new limit and no
        // old-limit output.
        let r = unsafe {
            libc::prlimit(
                self.pid as libc::pid_t,
                libc::RLIMIT_FSIZE,
                &lim,
                std::ptr::null_mut(),
            )
        };
        assert_eq!(r, 0, "prlimit: {}", std::io::Error::last_os_error());
    }
}
