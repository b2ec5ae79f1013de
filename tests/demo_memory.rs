//! Issue 21, bounded memory: `meja demo` made every case in memory before writing the first
//! (6 GB for a million cases, RSS), so filling a benchmark database could need more memory
//! than the office PC it was meant to measure. Now each case is written as it is made.

mod common;

use std::os::unix::process::CommandExt;

const MIB: u64 = 1024 * 1024;

/// `meja demo` with its address space limited (RLIMIT_AS, as `prlimit --as`).
fn demo_limited(db: &std::path::Path, cases: &str, limit: u64) -> std::process::Output {
    let mut cmd = common::meja_command("ani");
    cmd.arg("--db")
        .arg(db)
        .args(["demo", "--cases", cases, "--agencies", "100"]);
    // SAFETY: setrlimit(2) in the forked child before exec: async-signal-safe, no
    // allocation, touches only the child's own limits.
    unsafe {
        cmd.pre_exec(move || {
            let lim = libc::rlimit {
                rlim_cur: limit,
                rlim_max: limit,
            };
            if libc::setrlimit(libc::RLIMIT_AS, &lim) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    cmd.output().unwrap()
}

/// 10,000 cases in 64 MiB of address space: holding them all first needed about 100 MiB
/// (debug build), writing each as it is made about 35 MiB, whatever the count.
#[test]
fn a_demo_fill_runs_in_bounded_memory() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db");
    let o = demo_limited(&db, "10000", 64 * MIB);
    assert!(
        o.status.success(),
        "{:?}\n{}",
        o.status,
        String::from_utf8_lossy(&o.stderr)
    );
    let conn = rusqlite::Connection::open(&db).unwrap();
    let n: i64 = conn
        .query_row("SELECT count(*) FROM cases", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 10_000);
}
