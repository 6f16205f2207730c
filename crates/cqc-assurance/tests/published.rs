//! The published results: golden tests on the real data (every council with nine published
//! scores gets its published rating from the method, except records whose sources conflict,
//! which the consistency check must report rather than pass), the join to the 153 councils,
//! current results and history, comparisons by region and type, prudent ranks, and the CSV
//! read back after `to_csv` and after editing by hand.

use cqc_assurance::{
    find_council, rate, Assessment, AssessmentKind, CouncilType, FindingKind, PeerGroup,
    PercentBasis, PublishedDataset, QualityStatement, Rating, Region, SourceKind, BUNDLED_CSV,
    PUBLISHED_CSV_COLUMNS,
};
use proptest::prelude::*;

fn bundled() -> &'static PublishedDataset {
    PublishedDataset::bundled()
}

#[test]
fn every_complete_record_agrees_with_the_method_or_is_reported() {
    let data = bundled();
    // Every assessment with nine scores and a rating, history included (Nottingham's pilot).
    let complete: Vec<_> = data
        .assessments()
        .filter(|r| r.scores.is_some() && r.rating.is_some())
        .collect();
    assert_eq!(
        complete.len(),
        77,
        "75 to October 2025, Plymouth and Norfolk"
    );
    let mut agreed = 0;
    let mut reported = Vec::new();
    for rec in &complete {
        let computed = rate(&rec.assessment().unwrap());
        let check = rec.check().unwrap();
        if Some(computed.rating) == rec.rating {
            assert!(
                check.consistent,
                "{}: agrees but check_published complains: {:?}",
                rec.council, check.findings
            );
            agreed += 1;
        } else {
            assert!(!check.consistent, "{}: disagrees but passes", rec.council);
            assert_eq!(check.findings[0].kind, FindingKind::RatingMismatch);
            reported.push(rec.council.as_str());
        }
    }
    // Liverpool as listed in press coverage is the one known conflict (see the data README);
    // a new disagreement would be a defect in the method or the data, to investigate.
    assert_eq!(reported, ["Liverpool"]);
    assert_eq!(agreed, 76);
    let conflicts: Vec<_> = data
        .conflicts()
        .into_iter()
        .map(|(r, _)| r.council.clone())
        .collect();
    assert_eq!(conflicts, ["Liverpool"]);
    // The whole-dataset check (what `check-published --all` prints) finds the same one and
    // nothing among the rating-only records with a stated percentage.
    let all: Vec<_> = data
        .inconsistencies()
        .into_iter()
        .map(|i| i.record.council.clone())
        .collect();
    assert_eq!(all, ["Liverpool"]);
}

#[test]
fn stated_overall_percentages_agree_with_scores_and_bands() {
    // Each stated figure and, by hand, what the method gives for it.
    for (council, stated, scores_give) in [
        ("Plymouth", Some(67), Some(67)),       // 24/36 = 66.7% -> 67
        ("Norfolk", None, Some(56)),            // 20/36 = 55.6% -> 56, none stated
        ("Kirklees", Some(59), Some(59)),       // 21/36 = 58.3% -> 59
        ("Wakefield", Some(62), Some(62)),      // 22/36 = 61.1% -> 62
        ("North Somerset", Some(59), Some(59)), // 21/36
        ("Leicester", Some(56), Some(56)),      // 20/36
        ("Derbyshire", Some(67), Some(67)),     // 24/36
        ("Leeds", Some(70), None),              // rating only: good is 63-87
        ("Newham", Some(62), None),             // rating only: requires improvement is 39-62
        ("Hackney", Some(62), None),
    ] {
        let rec = find_council(council).unwrap();
        assert_eq!(rec.stated_percent(), stated, "{council}");
        if stated.is_none() {
            assert_eq!(rec.percent_basis, Some(PercentBasis::Computed));
        }
        assert_eq!(
            rec.assessment().map(|a| rate(&a).percent),
            scores_give,
            "{council}"
        );
        assert!(rec.findings().is_empty(), "{council}: {:?}", rec.findings());
    }
}

#[test]
fn liverpool_conflict_points_at_the_report_page_figure() {
    let rec = find_council("Liverpool City Council").unwrap();
    assert_eq!(rec.rating, Some(Rating::Good));
    let check = rec.check().unwrap();
    assert_eq!(check.computed.rating, Rating::RequiresImprovement);
    assert_eq!((check.computed.total, check.computed.percent), (22, 62));
    // The CQC report pages give partnerships = 3: among the one-point corrections.
    assert!(check
        .corrections
        .iter()
        .any(|c| c.statement == QualityStatement::Partnerships && c.corrected.get() == 3));
    assert!(rec.note.as_deref().unwrap().contains("qs5=3"));
    assert_eq!(rec.source_kind, Some(SourceKind::Press));
}

#[test]
fn published_overall_scores_quoted_in_the_domain_notes() {
    // The published "overall score" figures this project's rounding rule was inferred from.
    for (council, percent) in [
        ("Windsor and Maidenhead", 62),
        ("Wakefield", 62),
        ("Brent", 62),
        ("Kirklees", 59),
        ("Camden", 89),
        ("Sefton", 70),
    ] {
        let rec = find_council(council).unwrap();
        let r = rate(&rec.assessment().unwrap());
        assert_eq!(r.percent, percent, "{council}");
    }
}

#[test]
fn warrington_has_no_limiter() {
    let rec = find_council("Warrington").unwrap();
    let scores = rec.scores.unwrap();
    assert_eq!(scores[QualityStatement::Safeguarding.index()].get(), 1);
    assert_eq!(
        rate(&rec.assessment().unwrap()).rating,
        Rating::RequiresImprovement
    );
    assert_eq!(rec.rating, Some(Rating::RequiresImprovement));
}

#[test]
fn every_result_joins_to_one_of_the_153_councils() {
    let data = bundled();
    let councils = cqc_assurance::councils();
    assert_eq!(councils.len(), 153);
    assert_eq!(data.current().count(), 153);
    for c in councils {
        let current: Vec<_> = data
            .current()
            .filter(|r| r.gss_code == c.gss_code)
            .collect();
        assert_eq!(current.len(), 1, "{}", c.name);
        let r = current[0];
        assert_eq!(
            (&r.council, r.region, r.council_type),
            (&c.name, c.region, c.council_type)
        );
    }
    for r in data.records() {
        assert!(
            councils.iter().any(|c| c.gss_code == r.gss_code),
            "{}",
            r.gss_code
        );
    }
    let none: Vec<&str> = data
        .current()
        .filter(|r| !r.is_assessment())
        .map(|r| r.council.as_str())
        .collect();
    assert_eq!(none.len(), 45);
    for name in [
        "Manchester",
        "Bolton",
        "Wigan",
        "Trafford",
        "Kingston upon Hull",
        "Devon",
    ] {
        assert!(none.contains(&name), "{name}");
    }
    // The North West: 24 councils, 17 with a published result found.
    let nw = data.rating_counts_in(PeerGroup::Region(Region::NorthWest));
    assert_eq!((nw.councils, nw.no_result), (24, 7));
    assert_eq!(nw.counts, [2, 4, 11, 0], "Blackpool and Salford inadequate");
    // Greenwich: a report listed, its rating not read.
    let greenwich = find_council("Royal Borough of Greenwich").unwrap();
    assert_eq!(
        (greenwich.assessment_kind, greenwich.rating),
        (Some(AssessmentKind::Baseline), None)
    );
    assert_eq!(data.rating_counts_in(PeerGroup::England).rating_unknown, 1);
}

#[test]
fn usual_spellings_and_codes_find_councils_with_or_without_a_result() {
    for (q, code) in [
        ("St. Helens", "E08000013"),
        ("Bristol, City of", "E06000023"),
        ("Kingston upon Hull", "E06000010"),
        ("Manchester", "E08000003"),
        ("Manchester City Council", "E08000003"),
        ("E08000003", "E08000003"),
        ("Royal Borough of Kensington & Chelsea", "E09000020"),
        ("Durham County Council", "E06000047"),
    ] {
        assert_eq!(find_council(q).unwrap().gss_code, code, "{q}");
    }
    let e = find_council("Narnia").unwrap_err();
    assert_eq!(e.code(), "unknown_council");
}

#[test]
fn assessments_not_councils_nottingham_pilot_and_formal_report() {
    let data = bundled();
    let history = data.history("Nottingham").unwrap();
    assert_eq!(history.len(), 2);
    let (pilot, formal) = (history[0], history[1]);
    assert_eq!(pilot.assessment_kind, Some(AssessmentKind::Pilot));
    assert!(pilot.pilot && !pilot.current);
    assert_eq!(pilot.published.as_deref(), Some("2023-11-17"));
    assert_eq!(pilot.total, Some(21));
    assert_eq!(formal.assessment_kind, Some(AssessmentKind::Baseline));
    assert!(formal.current && formal.scores.is_none());
    assert_eq!(formal.rating, Some(Rating::RequiresImprovement));
    assert_eq!(data.find("Nottingham City Council").unwrap(), formal);
    // Rankings use the current assessment: the pilot's scores are not compared.
    assert!(data.scored().all(|r| r.gss_code != "E06000018"));
    // Birmingham's pilot is its only result found: it is its current one.
    let birmingham = data.find("Birmingham").unwrap();
    assert!(birmingham.pilot && birmingham.current && birmingham.scores.is_some());
    // The other pilots: indicative ratings, no scores.
    for name in ["Lincolnshire", "North Lincolnshire", "Suffolk"] {
        let r = data.find(name).unwrap();
        assert!(r.pilot && r.scores.is_none(), "{name}");
        assert_eq!(r.rating, Some(Rating::Good));
    }
}

#[test]
fn national_regional_and_type_distributions_and_ranks() {
    let data = bundled();
    let scored = data.scored().count() as u32;
    assert_eq!(
        scored, 76,
        "77 complete assessments less Nottingham's superseded pilot"
    );
    let dist = data.statement_distribution();
    assert_eq!(dist.len(), 9);
    for d in &dist {
        assert_eq!(d.councils, scored);
        assert_eq!(d.counts.iter().sum::<u32>(), scored);
        assert!((1.0..=4.0).contains(&d.mean));
    }
    // Safeguarding: Blackpool and Warrington scored 1.
    assert_eq!(dist[QualityStatement::Safeguarding.index()].counts[0], 2);
    // Each region's distributions add up to the national one.
    let regions = data.statement_distribution_by_region();
    assert_eq!(regions.len(), 9);
    assert_eq!(regions.iter().map(|g| g.councils).sum::<u32>(), scored);
    for qs in QualityStatement::ALL {
        let mut sum = [0u32; 4];
        for g in &regions {
            for (k, n) in sum.iter_mut().enumerate() {
                *n += g.statements[qs.index()].counts[k];
            }
        }
        assert_eq!(sum, dist[qs.index()].counts, "{qs:?}");
    }
    // Rating counts by region and by type both add up to England's.
    let england = data.rating_counts_in(PeerGroup::England);
    for groups in [data.rating_counts_by_region(), data.rating_counts_by_type()] {
        let mut counts = [0u32; 4];
        for g in &groups {
            for (k, n) in counts.iter_mut().enumerate() {
                *n += g.counts[k];
            }
        }
        assert_eq!(counts, england.counts);
        assert_eq!(groups.iter().map(|g| g.councils).sum::<u32>(), 153);
    }
    assert_eq!(
        england.counts.iter().sum::<u32>() + england.rating_unknown + england.no_result,
        153
    );

    // Camden and Kensington and Chelsea share the top total, 32/36. Placing Camden's scores
    // among the published councils: 1st-3rd of 77, reported 3rd.
    let camden_scores = data.find("Camden").unwrap().assessment().unwrap();
    let r = data.rank(&camden_scores);
    assert_eq!((r.councils, r.higher, r.equal, r.lower), (76, 0, 2, 74));
    assert_eq!((r.best_rank, r.rank, r.out_of), (1, 3, 77));
    assert!((r.percentile - 100.0 * 74.0 / 76.0).abs() < 1e-9);
    assert_eq!(r.position(), "1st-3rd of 77");
    // Camden's own place: compared with the 75 others, level with Kensington and Chelsea.
    let camden = data.council_rankings("Camden").unwrap().unwrap();
    assert_eq!(
        (
            camden.england.best_rank,
            camden.england.rank,
            camden.england.out_of
        ),
        (1, 2, 76)
    );
    assert_eq!(camden.region.region, Some(Region::London));
    assert_eq!(
        camden.council_type.council_type,
        Some(CouncilType::LondonBorough)
    );
    let london = data.scored().filter(|r| r.region == Region::London).count() as u32;
    assert_eq!(camden.region.out_of, london);
    assert_eq!((camden.region.best_rank, camden.region.rank), (1, 2));
    // No scores, no ranking.
    assert_eq!(data.council_rankings("Manchester").unwrap(), None);
}

#[test]
fn a_tie_is_never_ranked_in_the_councils_favour() {
    // Six councils level on 22/36 and one above: a council placed with 22/36 is 2nd-8th of 8,
    // reported 8th, and beats none of them (percentile 0).
    let mut csv = PUBLISHED_CSV_COLUMNS.join(",");
    csv.push('\n');
    for (code, scores) in [
        ("E08000001", "2,3,3,2,2,2,2,3,3"),
        ("E08000002", "3,2,3,2,2,2,2,3,3"),
        ("E08000003", "2,3,3,2,2,2,3,2,3"),
        ("E08000004", "2,2,3,3,2,2,2,3,3"),
        ("E08000005", "3,3,2,2,2,2,2,3,3"),
        ("E08000006", "2,3,3,2,2,3,2,2,3"),
        ("E08000007", "3,3,3,3,3,3,3,3,3"),
    ] {
        csv.push_str(&format!(
            "{code},,,,baseline,2025-06,,{scores},,,,,,scrape,https://example.org/{code},,\n"
        ));
    }
    let data = PublishedDataset::from_csv(&csv).unwrap();
    let r = data.rank(&Assessment::from_scores(&[2, 3, 3, 2, 2, 2, 2, 3, 3]).unwrap());
    assert_eq!((r.higher, r.equal, r.lower), (1, 6, 0));
    assert_eq!(
        (r.best_rank, r.rank, r.out_of, r.percentile),
        (2, 8, 8, 0.0)
    );
    assert_eq!(r.position(), "2nd-8th of 8");
    // One point more: above the six, below the one.
    let r = data.rank(&Assessment::from_scores(&[3, 3, 3, 2, 2, 2, 2, 3, 3]).unwrap());
    assert_eq!((r.best_rank, r.rank, r.out_of), (2, 2, 8));
    assert!((r.percentile - 100.0 * 6.0 / 7.0).abs() < 1e-9);
    // All metropolitan districts of the North West (Bolton to Stockport): the region and the
    // type give the same comparison here.
    let a = Assessment::from_scores(&[2; 9]).unwrap();
    assert_eq!(
        data.rank_in(&a, PeerGroup::Region(Region::NorthWest))
            .councils,
        7
    );
    assert_eq!(
        data.rank_in(&a, PeerGroup::CouncilType(CouncilType::Unitary))
            .councils,
        0
    );
}

/// The bundled file as a spreadsheet program saves it: a byte-order mark and CRLF line ends.
fn as_excel_saves(csv: &str) -> String {
    format!("\u{feff}{}", csv.replace('\n', "\r\n"))
}

fn line_of(csv: &str, prefix: &str) -> usize {
    1 + csv.lines().position(|l| l.starts_with(prefix)).unwrap()
}

#[test]
fn written_csv_edited_by_hand_loads_back() {
    let original = bundled().to_csv();
    assert_eq!(original, BUNDLED_CSV);
    assert_eq!(&PublishedDataset::from_csv(&original).unwrap(), bundled());
    assert_eq!(
        &PublishedDataset::from_csv(&as_excel_saves(&original)).unwrap(),
        bundled()
    );

    // Edits a person makes: fill in Manchester's row (derived columns left empty), add a
    // reassessment of Camden, correct Liverpool's QS5 to the report page's 3 and blank its
    // derived columns, add a stated percentage to Bolton... in a file saved by Excel.
    let liverpool = original
        .lines()
        .find(|l| l.starts_with("E08000012,"))
        .unwrap();
    let manchester = original
        .lines()
        .find(|l| l.starts_with("E08000003,"))
        .unwrap();
    let liverpool_fixed = liverpool.replace(
        ",2,3,3,2,2,2,2,3,3,22,9,62,computed,",
        ",2,3,3,2,3,2,2,3,3,,,,,",
    );
    assert_ne!(liverpool_fixed, liverpool);
    let edited = original
        .replace(
            manchester,
            "E08000003,Manchester City Council,North West,metropolitan district,baseline,2026-07-02,,3,3,3,2,3,3,3,3,3,,,,,Good,council,https://example.org/manchester,,filled in by hand",
        )
        .replace(liverpool, &liverpool_fixed)
        + "E09000007,Camden,,,reassessment,2029-03,,3,3,3,3,3,3,3,3,3,,,75,stated,Good,cqc,https://example.org/camden,,\n";
    let data = PublishedDataset::from_csv(&as_excel_saves(&edited)).unwrap();
    let m = data.find("Manchester").unwrap();
    assert_eq!(m.council, "Manchester", "the reference name is kept");
    assert_eq!(
        (m.total, m.percent, m.percent_basis),
        (Some(26), Some(73), Some(PercentBasis::Computed))
    );
    assert_eq!(
        m.published_precision,
        Some(cqc_assurance::DatePrecision::Day)
    );
    let l = data.find("Liverpool").unwrap();
    assert_eq!((l.total, l.percent), (Some(23), Some(64)));
    assert!(l.findings().is_empty());
    let camden = data.history("Camden").unwrap();
    assert_eq!(camden.len(), 2);
    assert!(camden[1].current && camden[1].assessment_kind == Some(AssessmentKind::Reassessment));
    assert!(data.inconsistencies().is_empty(), "Liverpool is reconciled");
    // And it writes back to the same records.
    assert_eq!(PublishedDataset::from_csv(&data.to_csv()).unwrap(), data);
}

#[test]
fn a_hand_edit_that_leaves_derived_columns_stale_is_reported_at_its_line_and_column() {
    let original = bundled().to_csv();
    let liverpool = original
        .lines()
        .find(|l| l.starts_with("E08000012,"))
        .unwrap();
    // QS5 changed, total and percentage left as they were.
    let stale = liverpool.replacen(",2,2,2,2,3,3,22,", ",2,3,2,2,3,3,22,", 1);
    let edited = original.replace(liverpool, &stale);
    let (data, errors) = PublishedDataset::from_csv_lenient(&edited);
    let line = line_of(&edited, "E08000012,");
    let paths: Vec<_> = errors
        .iter()
        .map(|e| e.path().unwrap().to_string())
        .collect();
    assert_eq!(
        paths,
        [
            format!("line {line}: total"),
            format!("line {line}: percent")
        ]
    );
    assert!(
        errors[0].to_string().contains("(column Q)"),
        "{}",
        errors[0]
    );
    assert!(errors.iter().all(|e| e.code() == "invalid_csv"));
    // The row is left out; Liverpool is then a council without a result in what was read.
    assert!(!data.find("Liverpool").unwrap().is_assessment());
    assert!(PublishedDataset::from_csv(&edited).is_err());
}

#[test]
fn scores_contradicting_the_stated_rating_or_percentage_are_kept_and_reported() {
    let original = bundled().to_csv();
    let camden = original
        .lines()
        .find(|l| l.starts_with("E09000007,"))
        .unwrap();
    // A stated 88 against scores giving 89, and a rating-only record stated 62 but good.
    let edited = original
        .replace(camden, &camden.replace(",32,9,89,computed,", ",32,9,88,stated,"))
        .replace(
            "E08000001,Bolton,North West,metropolitan district,none,,,,,,,,,,,,,,,,,,,,",
            "E08000001,Bolton,North West,metropolitan district,baseline,2026-06,month,,,,,,,,,,,,62,stated,Good,press,https://example.org/bolton,,",
        );
    let data = PublishedDataset::from_csv(&edited).unwrap();
    let found: Vec<_> = data
        .inconsistencies()
        .into_iter()
        .map(|i| {
            (
                i.record.council.clone(),
                i.findings.iter().map(|f| f.kind).collect::<Vec<_>>(),
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            (
                "Bolton".to_string(),
                vec![FindingKind::PercentOutsideRatingBand]
            ),
            // 31/36 -> 87 and 32/36 -> 89: no nine scores give 88 either.
            (
                "Camden".to_string(),
                vec![
                    FindingKind::PercentMismatch,
                    FindingKind::PercentNotAchievable
                ]
            ),
            ("Liverpool".to_string(), vec![FindingKind::RatingMismatch]),
        ]
    );
}

#[test]
fn every_kind_of_bad_row_is_reported_at_its_field() {
    let header = PUBLISHED_CSV_COLUMNS.join(",");
    let good = "E08000012,Liverpool,North West,metropolitan district,baseline,2025-09-24,day,2,3,3,2,3,2,2,3,3,23,9,64,computed,Good,press,https://example.org/a,,";
    assert!(PublishedDataset::from_csv(&format!("{header}\n{good}\n")).is_ok());
    let cases: [(&str, &str, &str); 22] = [
        ("E08000012,", "E08999999,", "gss_code"),
        ("E08000012,", ",", "gss_code"),
        (",Liverpool,", ",Manchester,", "council"),
        (",North West,", ",South West,", "region"),
        (",North West,", ",Wessex,", "region"),
        (",metropolitan district,", ",county,", "council_type"),
        (",baseline,", ",inspection,", "assessment_kind"),
        (",2025-09-24,", ",24/09/2025,", "published"),
        (",2025-09-24,", ",2021-09-24,", "published"),
        (",day,", ",month,", "published_precision"),
        (",2,3,3,2,3,", ",2,3,3,2,5,", "qs5"),
        (",2,3,3,2,3,", ",2,3,3,2,,", "qs5"),
        (",23,9,", ",24,9,", "total"),
        (",23,9,", ",23,8,", "assessed"),
        (",64,computed,", ",63,computed,", "percent"),
        (",64,computed,", ",101,stated,", "percent"),
        (",64,computed,", ",64,,", "percent_basis"),
        (",64,computed,", ",64,guessed,", "percent_basis"),
        (",Good,", ",Brilliant,", "overall_rating"),
        (",press,", ",,", "source_kind"),
        (",https://example.org/a,", ",,", "source_url"),
        (",https://example.org/a,", ",example.org,", "source_url"),
    ];
    for (from, to, field) in cases {
        let row = good.replacen(from, to, 1);
        assert_ne!(row, good, "{from}");
        let (data, errors) = PublishedDataset::from_csv_lenient(&format!("{header}\n{row}\n"));
        let paths: Vec<_> = errors
            .iter()
            .map(|e| e.path().unwrap().to_string())
            .collect();
        assert!(
            paths.contains(&format!("line 2: {field}")),
            "{from} -> {to}: {paths:?} {errors:?}"
        );
        assert!(errors.iter().all(|e| e.code() == "invalid_csv"));
        assert!(
            !data.find("Liverpool").unwrap().is_assessment(),
            "{from} -> {to}: row kept"
        );
    }
    // A row without an assessment with figures; a none row beside an assessment; two
    // baselines; two reassessments that cannot be ordered.
    let none = "E08000012,Liverpool,,,none,,,,,,,,,,,,,,,,Good,,,,";
    let base2 = good.replace("2025-09-24,day", "2026-01,month");
    let re1 = good
        .replace(",baseline,", ",reassessment,")
        .replace("2025-09-24,day", "2028-05,month");
    let re2 = re1.replace("2028-05,month", "2028-05-02,day");
    for (rows, line, field) in [
        (vec![none], 2, "overall_rating"),
        (
            vec![good, none.replace(",Good,", ",,").as_str()],
            3,
            "assessment_kind",
        ),
        (
            vec![none.replace(",Good,", ",,").as_str(), good],
            2,
            "assessment_kind",
        ),
        (vec![good, base2.as_str()], 3, "assessment_kind"),
        (vec![good, re1.as_str(), re2.as_str()], 4, "assessment_kind"),
    ] {
        let text = format!("{header}\n{}\n", rows.join("\n"));
        let (_, errors) = PublishedDataset::from_csv_lenient(&text);
        let paths: Vec<_> = errors
            .iter()
            .map(|e| e.path().unwrap().to_string())
            .collect();
        assert_eq!(paths, [format!("line {line}: {field}")], "{rows:?}");
    }
    // Header problems: a missing, an unknown and a repeated column.
    let (_, errors) = PublishedDataset::from_csv_lenient(&header.replace(",note", ",remarks,qs1"));
    let paths: Vec<_> = errors
        .iter()
        .map(|e| e.path().unwrap().to_string())
        .collect();
    assert_eq!(paths, ["line 1: remarks", "line 1: qs1", "line 1: note"]);
}

/// One generated row: the council, the kind, and the fields that vary.
#[derive(Debug, Clone)]
struct GenRow {
    council: usize,
    kind: &'static str,
    month: u32,
    day: Option<u32>,
    scores: Option<[u8; 9]>,
    stated: Option<u8>,
    rating: Option<usize>,
    source_kind: usize,
    fill_derived: bool,
    note: String,
}

fn gen_row(kind: &'static str) -> impl Strategy<Value = GenRow> {
    (
        0usize..153,
        0u32..36,
        prop::option::of(1u32..=28),
        prop::option::of(prop::array::uniform9(1u8..=4)),
        prop::option::of(25u8..=100),
        prop::option::of(0usize..4),
        0usize..4,
        any::<bool>(),
        "[ a-zA-Z,\"é'-]{0,12}",
    )
        .prop_map(
            move |(
                council,
                month,
                day,
                scores,
                stated,
                rating,
                source_kind,
                fill_derived,
                note,
            )| GenRow {
                council,
                kind,
                month,
                day,
                scores,
                stated,
                rating,
                source_kind,
                fill_derived,
                note,
            },
        )
}

fn csv_of(rows: &[GenRow]) -> String {
    let councils = cqc_assurance::councils();
    let mut out = PUBLISHED_CSV_COLUMNS.join(",");
    out.push('\n');
    let mut used: Vec<(usize, &str)> = Vec::new();
    for r in rows {
        // At most one pilot and one baseline per council; reassessments on distinct months.
        let c = &councils[r.council];
        let key = (r.council, r.kind);
        if r.kind != "reassessment" && used.contains(&key) {
            continue;
        }
        used.push(key);
        let year = match r.kind {
            "pilot" => 2023,
            "baseline" => 2024 + r.month / 12,
            _ => 2027 + used.iter().filter(|u| **u == key).count() as u32,
        };
        let published = match r.day {
            Some(d) => format!("{year}-{:02}-{d:02}", r.month % 12 + 1),
            None => format!("{year}-{:02}", r.month % 12 + 1),
        };
        let scores = r.scores.map_or_else(
            || ",,,,,,,,".to_string(),
            |s| s.iter().map(u8::to_string).collect::<Vec<_>>().join(","),
        );
        let total = r
            .scores
            .map(|s| s.iter().map(|&x| u32::from(x)).sum::<u32>());
        let (percent, basis) = match (r.stated, total) {
            (Some(p), _) => (p.to_string(), "stated".to_string()),
            (None, Some(t)) if r.fill_derived => {
                ((100 * t).div_ceil(36).to_string(), "computed".to_string())
            }
            _ => (String::new(), String::new()),
        };
        let derived = |v: Option<u32>| {
            if r.fill_derived {
                v.map(|v| v.to_string()).unwrap_or_default()
            } else {
                String::new()
            }
        };
        let rating = r.rating.map_or("", |i| Rating::ALL[i].label());
        let note = if r.note.contains([',', '"']) {
            format!("\"{}\"", r.note.replace('"', "\"\""))
        } else {
            r.note.clone()
        };
        out.push_str(&format!(
            "{},{},{},{},{},{published},,{scores},{},{},{percent},{basis},{rating},{},https://example.org/{},,{note}\n",
            c.gss_code,
            if r.fill_derived { format!("\"{}\"", c.name) } else { String::new() },
            if r.fill_derived { c.region.label() } else { "" },
            if r.fill_derived { c.council_type.label() } else { "" },
            r.kind,
            derived(total),
            derived(total.map(|_| 9)),
            ["cqc", "council", "press", "scrape"][r.source_kind],
            c.gss_code,
        ));
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Any valid file reads without errors; what `to_csv` writes reads back to the same
    /// records, and writing again gives the same text.
    #[test]
    fn csv_round_trip(
        pilots in prop::collection::vec(gen_row("pilot"), 0..4),
        baselines in prop::collection::vec(gen_row("baseline"), 0..30),
        reassessments in prop::collection::vec(gen_row("reassessment"), 0..6),
    ) {
        let rows: Vec<GenRow> = pilots.into_iter().chain(baselines).chain(reassessments).collect();
        let text = csv_of(&rows);
        let (data, errors) = PublishedDataset::from_csv_lenient(&text);
        prop_assert!(errors.is_empty(), "{:?}\n{}", errors, text);
        prop_assert_eq!(data.current().count(), 153);
        let written = data.to_csv();
        let again = PublishedDataset::from_csv(&written).unwrap();
        prop_assert_eq!(&again, &data);
        prop_assert_eq!(again.to_csv(), written.clone());
        prop_assert_eq!(PublishedDataset::from_csv(&as_excel_saves(&written)).unwrap(), data.clone());
        // Ranks of any scores: ties against the council, the counts add up.
        for r in data.scored() {
            let a = r.assessment().unwrap();
            for g in [PeerGroup::England, PeerGroup::Region(r.region), PeerGroup::CouncilType(r.council_type)] {
                let k = data.rank_in(&a, g);
                prop_assert_eq!(k.councils, k.higher + k.equal + k.lower);
                prop_assert!(k.equal >= 1, "a record ties with itself");
                prop_assert_eq!(k.rank, 1 + k.higher + k.equal);
                prop_assert_eq!(k.best_rank, 1 + k.higher);
                prop_assert_eq!(k.out_of, k.councils + 1);
                prop_assert_eq!(k.lower, k.out_of - k.rank);
                prop_assert!((k.percentile - 100.0 * f64::from(k.lower) / f64::from(k.councils)).abs() < 1e-9);
            }
        }
    }
}
