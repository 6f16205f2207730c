//! Bounded memory: rates millions of score rows in fixed-size chunks through `rate_batch` and
//! prints the throughput and the peak resident memory (VmHWM).
//!
//! ```text
//! cargo run --release -p cqc-assurance-benches --bin stream_batch -- [ROWS=10000000] [CHUNK_ROWS=65536]
//! cargo run --release -p cqc-assurance-benches --bin stream_batch -- --stdin [CHUNK_ROWS]   # 9 bytes a row
//! ```

use std::io::Read;
use std::time::Instant;

use cqc_assurance_benches::{peak_rss_kib, stream_rate, SyntheticRows};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let from_stdin = args.first().is_some_and(|a| a == "--stdin");
    let numbers: Vec<u64> = args
        .iter()
        .filter(|a| *a != "--stdin")
        .map(|a| {
            a.replace('_', "").parse().unwrap_or_else(|_| {
                eprintln!("stream_batch: not a number: {a}");
                std::process::exit(2)
            })
        })
        .collect();
    let (rows, chunk) = if from_stdin {
        (None, numbers.first().copied().unwrap_or(65_536))
    } else {
        (
            Some(numbers.first().copied().unwrap_or(10_000_000)),
            numbers.get(1).copied().unwrap_or(65_536),
        )
    };
    let before = peak_rss_kib();
    let start = Instant::now();
    let result = match rows {
        Some(rows) => {
            let mut source = SyntheticRows::new(0x5eed, rows);
            stream_rate(chunk as usize, |buf| source.fill(buf))
        }
        None => {
            let mut stdin = std::io::stdin().lock();
            stream_rate(chunk as usize, |buf| read_rows(&mut stdin, buf))
        }
    };
    let secs = start.elapsed().as_secs_f64();
    let summary = match result {
        Ok(s) => s,
        Err(e) => {
            eprintln!("error[{}]: {e}", e.code());
            std::process::exit(1);
        }
    };
    let names = ["inadequate", "requires improvement", "good", "outstanding"];
    println!(
        "rows: {}  chunk: {chunk} rows  time: {secs:.3} s  throughput: {:.1} M rows/s",
        summary.rows,
        summary.rows as f64 / secs / 1e6
    );
    for (name, n) in names.iter().zip(summary.counts) {
        println!("  {name:<21} {n:>10}");
    }
    match (before, peak_rss_kib()) {
        (Some(b), Some(a)) => println!(
            "peak RSS (VmHWM): {:.1} MiB (at start: {:.1} MiB)",
            a as f64 / 1024.0,
            b as f64 / 1024.0
        ),
        _ => println!("peak RSS: not reported by this system"),
    }
}

/// Reads whole rows of nine bytes from `r` into `buf`; returns the bytes read (0 at the end).
/// A last row shorter than nine bytes is passed on as it is, for `rate_batch` to reject.
fn read_rows(r: &mut impl Read, buf: &mut [u8]) -> usize {
    let mut n = 0;
    while n < buf.len() {
        match r.read(&mut buf[n..]) {
            Ok(0) => break,
            Ok(k) => n += k,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => {
                eprintln!("stream_batch: reading stdin: {e}");
                std::process::exit(1);
            }
        }
    }
    n
}
