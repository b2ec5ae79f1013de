//! The `meja` binary: everything is in the library's `cli` module, so tests and benches reach
//! the same code.

fn main() -> std::process::ExitCode {
    meja::cli::main()
}
