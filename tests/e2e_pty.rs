//! The real binary in a pseudo-terminal: type part of an intake, SIGKILL the process, start it
//! again and find the draft offered with what was typed.

use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

struct Session {
    child: Box<dyn Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    screen: Arc<Mutex<vt100::Parser>>,
    _master: Box<dyn MasterPty + Send>,
}

impl Session {
    /// Starts meja for ani and signs her in with her PIN (making her the first supervisor of
    /// a new database).
    fn start(db: &Path, term: &str) -> Session {
        if !db.exists() {
            let o = std::process::Command::new(env!("CARGO_BIN_EXE_meja"))
                .args(["--db", db.to_str().unwrap(), "staff", "add", "ani"])
                .args(["--name", "Ani", "--role", "supervisor"])
                .env("USER", "ani")
                .env_remove("SUDO_USER")
                .env("MEJA_NEW_PIN", "2468")
                .output()
                .unwrap();
            assert!(o.status.success(), "{o:?}");
        }
        let mut s = Session::spawn(db, term);
        s.wait_for("PIN:");
        s.send("2468\r");
        s
    }

    fn spawn(db: &Path, term: &str) -> Session {
        let pty = native_pty_system();
        let pair = pty
            .openpty(PtySize {
                rows: 24,
                cols: 80,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("openpty");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_meja"));
        cmd.args([
            "--db",
            db.to_str().unwrap(),
            "--user",
            "ani",
            "--lang",
            "id",
        ]);
        cmd.env("TERM", term);
        cmd.env("NO_COLOR", "1");
        cmd.env_remove("MEJA_DB");
        cmd.env_remove("SUDO_USER");
        let child = pair.slave.spawn_command(cmd).expect("spawn meja");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().unwrap();
        let writer = pair.master.take_writer().unwrap();
        let screen = Arc::new(Mutex::new(vt100::Parser::new(
            std::num::NonZero::new(24).unwrap(),
            std::num::NonZero::new(80).unwrap(),
            0,
        )));
        let s = screen.clone();
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                s.lock().unwrap().process(&buf[..n]);
            }
        });
        Session {
            child,
            writer,
            screen,
            _master: pair.master,
        }
    }

    fn text(&self) -> String {
        self.screen.lock().unwrap().screen().contents()
    }

    /// Waits for `needle` on screen. The deadline only bounds a hung test; nothing is
    /// asserted about how fast the screen appears.
    fn wait_for(&self, needle: &str) {
        let deadline = Instant::now() + Duration::from_secs(30);
        while Instant::now() < deadline {
            if self.text().contains(needle) {
                return;
            }
            std::thread::sleep(Duration::from_millis(25));
        }
        panic!("{needle:?} never appeared; screen:\n{}", self.text());
    }

    fn send(&mut self, bytes: &str) {
        self.writer.write_all(bytes.as_bytes()).unwrap();
        self.writer.flush().unwrap();
        // Give the app a moment between keys, like a person; screen checks come after.
        std::thread::sleep(Duration::from_millis(15));
    }

    fn sigkill(&mut self) {
        let pid = self.child.process_id().expect("pid");
        let ok = std::process::Command::new("kill")
            .args(["-9", &pid.to_string()])
            .status()
            .unwrap();
        assert!(ok.success());
        self.child.wait().unwrap();
    }
}

const TAB: &str = "\t";

#[test]
fn a_killed_session_leaves_its_draft_to_resume() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("meja.db");
    let mut s = Session::start(&db, "xterm-256color");
    s.wait_for("Pengaduan baru");
    for _ in 0..7 {
        s.send(TAB);
    }
    for c in "Siti Aminah".chars() {
        s.send(&c.to_string());
    }
    s.send(TAB);
    for c in "3372015205900001".chars() {
        s.send(&c.to_string());
    }
    s.wait_for("3372015205900001");
    // The status line confirms the draft is on disk; then the process dies without warning.
    s.wait_for("Draf tersimpan");
    s.sigkill();

    let mut s = Session::start(&db, "xterm-256color");
    s.wait_for("Draf yang belum selesai");
    s.wait_for("korban S.A.");
    s.send("\r");
    s.wait_for("Siti Aminah");
    s.wait_for("3372015205900001");
    s.send("\x11"); // Ctrl-Q
    let status = s.child.wait().unwrap();
    assert!(status.success());
}

#[test]
fn sighup_saves_the_draft_and_exits() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("meja.db");
    let mut s = Session::start(&db, "linux");
    s.wait_for("Pengaduan baru");
    for _ in 0..7 {
        s.send(TAB);
    }
    s.send("Dewi");
    s.wait_for("Dewi");
    let pid = s.child.process_id().unwrap();
    std::process::Command::new("kill")
        .args(["-HUP", &pid.to_string()])
        .status()
        .unwrap();
    let status = s.child.wait().unwrap();
    assert!(status.success(), "a clean exit, not a death by signal");
    let conn = rusqlite::Connection::open(&db).unwrap();
    let body: String = conn
        .query_row("SELECT body FROM drafts", [], |r| r.get(0))
        .unwrap();
    assert!(body.contains("Dewi"), "{body}");
}
