//! Batch scoring on arbitrary bytes: `rate_batch` agrees with `rate_row` row by row.
#![no_main]
use cqc_assurance::{rate_batch, rate_row};
use libfuzzer_sys::fuzz_target;

include!("common.rs");

fuzz_target!(|scores: &[u8]| {
    let rows = scores.len() / 9;
    let (mut r, mut p) = (vec![0u8; rows], vec![0u8; rows]);
    let result = rate_batch(scores, &mut r, &mut p);
    if scores.len() % 9 != 0 {
        let e = result.unwrap_err();
        check_error(&e, true);
        assert_eq!(e.code(), "wrong_length");
        return;
    }
    for (i, row) in scores.chunks_exact(9).enumerate() {
        match rate_row(row.try_into().unwrap(), i) {
            Ok((rating, percent)) => assert_eq!((r[i], p[i]), (rating as u8, percent)),
            Err(e) => {
                check_error(&e, true);
                assert_eq!(result.unwrap_err(), e, "the first bad row is the batch's error");
                return;
            }
        }
    }
    assert!(result.is_ok());
});
