//! The `meja` binary: everything is in the library's `cli` module, so tests and benches reach
//! the same code.

// The static musl build's allocator (see Cargo.toml): musl's own is slow for many small
// allocations.
#[cfg(target_env = "musl")]
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    meja::cli::main()
}
