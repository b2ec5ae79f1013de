//! Two meja processes, two staff, one database, at the same time: each one's actions are
//! written under their own name, in the history and in the access log.

use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use meja::domain::intake::Intake;
use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

struct Session {
    child: Box<dyn Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    screen: Arc<Mutex<vt100::Parser>>,
    _master: Box<dyn MasterPty + Send>,
}

impl Session {
    fn start(db: &Path, user: &str) -> Session {
        let mut s = Session::spawn(db, user);
        s.wait_for("PIN:");
        s.send("2468\r");
        s
    }

    fn spawn(db: &Path, user: &str) -> Session {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: 24,
                cols: 80,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_meja"));
        cmd.args(["--db", db.to_str().unwrap(), "--lang", "id"]);
        cmd.env("USER", user);
        cmd.env_remove("SUDO_USER");
        cmd.env_remove("MEJA_DB");
        cmd.env("TERM", "xterm-256color");
        let child = pair.slave.spawn_command(cmd).unwrap();
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

    /// The deadline only bounds a hung test; nothing is asserted about speed.
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
        std::thread::sleep(Duration::from_millis(15));
    }

    fn quit(mut self) {
        self.send("\x11");
        assert!(self.child.wait().unwrap().success());
    }
}

fn meja(db: &Path, user: &str, args: &[&str]) {
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_meja"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env("USER", user)
        .env_remove("SUDO_USER")
        .env("MEJA_PIN", "2468")
        .env("MEJA_NEW_PIN", "2468")
        .output()
        .unwrap();
    assert!(o.status.success(), "{o:?}");
}

#[test]
fn two_staff_in_two_processes_are_each_credited_with_their_own_actions() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("meja.db");
    meja(
        &db,
        "ani",
        &[
            "staff",
            "add",
            "ani",
            "--name",
            "Ani",
            "--role",
            "supervisor",
        ],
    );
    meja(
        &db,
        "ani",
        &[
            "staff", "add", "budi", "--name", "Budi", "--role", "petugas",
        ],
    );
    {
        let mut s = meja::store::Store::open(&db).unwrap();
        let mut i = Intake::default();
        i.victims[0].name = "Siti Aminah".into();
        i.victims[0].nik = "1872015205140001".into();
        i.victims[0].sex = "P".into();
        i.victims[0].age = "12".into();
        i.victims[0].ampk = vec!["a".into()];
        i.incident.violence = vec!["psikis".into()];
        i.triage.risk = "sedang".into();
        i.consent.services = "ya".into();
        let now = chrono::Local::now();
        let rec = i.to_record(now.date_naive()).unwrap();
        s.open_case(&rec, "PPA", "ani", now, None).unwrap();
    }

    // Both signed in at once.
    let mut ani = Session::start(&db, "ani");
    let mut budi = Session::start(&db, "budi");
    ani.wait_for("Pengaduan baru");
    budi.wait_for("Pengaduan baru");
    for s in [&mut ani, &mut budi] {
        s.send("\x1bOR"); // F3: the board
        s.wait_for("0001");
        s.send("\r");
        s.wait_for("1872••••••••0001");
    }
    ani.send("n");
    ani.wait_for("Ctrl-S");
    ani.send("Kunjungan rumah oleh Ani.");
    ani.send("\x13");
    ani.wait_for("Catatan disimpan");
    budi.send("v");
    budi.wait_for("1872015205140001");
    ani.quit();
    budi.quit();

    let c = rusqlite::Connection::open(&db).unwrap();
    let rows: Vec<(String, String)> = c
        .prepare("SELECT staff, action FROM access_log WHERE case_id IS NOT NULL ORDER BY id")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let has = |staff: &str, action: &str| rows.iter().any(|(s, a)| s == staff && a == action);
    assert!(has("ani", "buka") && has("budi", "buka"), "{rows:?}");
    assert!(has("ani", "ubah"), "the note: {rows:?}");
    assert!(has("budi", "tampil_nik"), "{rows:?}");
    assert!(
        !has("ani", "tampil_nik") && !rows.iter().any(|(s, a)| s == "budi" && a == "ubah"),
        "{rows:?}"
    );
    let note_by: String = c
        .query_row("SELECT staff FROM case_notes", [], |r| r.get(0))
        .unwrap();
    assert_eq!(note_by, "ani");
    let signed_in: i64 = c
        .query_row(
            "SELECT count(DISTINCT staff) FROM access_log WHERE action = 'masuk'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(signed_in, 2);
}

#[test]
fn a_new_database_asks_for_its_first_supervisor_then_signs_her_in() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("meja.db");
    let mut s = Session::spawn(&db, "ani");
    s.wait_for("supervisor pertama");
    s.wait_for("Nama lengkap [ani]");
    s.send("Ani Wulandari\r");
    s.wait_for("PIN baru");
    s.send("12\r");
    s.wait_for("4–12 angka");
    s.send("2468\r");
    s.wait_for("Ulangi PIN");
    s.send("2468\r");
    // Then the sign-in screen, which wants the PIN just chosen.
    s.wait_for("Masuk");
    s.send("1111\r");
    s.wait_for("PIN salah");
    s.send("2468\r");
    s.wait_for("Pengaduan baru");
    s.quit();
    let c = rusqlite::Connection::open(&db).unwrap();
    let (name, role): (String, String) = c
        .query_row(
            "SELECT display_name, role FROM staff WHERE username = 'ani'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(
        (name.as_str(), role.as_str()),
        ("Ani Wulandari", "supervisor")
    );
}
