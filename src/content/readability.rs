//! Reading grade of a text: Flesch-Kincaid for English, Fernández-Huerta for Spanish.
//!
//! Patient material should read at US grade 8 or below ([`MAX_GRADE`]). Both formulas only
//! count words, sentences and syllables, so they are estimates: they catch long sentences and
//! long words, not unknown words or a muddled order of ideas.
//!
//! Counting rules, the same for both languages:
//! - A word is a run of letters or digits. An apostrophe or a dash inside it keeps it one word
//!   (`don't`, `nano-needling`, `3–6`).
//! - A sentence ends at `.`, `!`, `?`, `…` or a line break. A heading or a list item on its own
//!   line is therefore its own sentence; callers join the lines of one paragraph with spaces.
//! - A number reads like a short word: one syllable per group of digits, plus one for the
//!   "to" of a range (`3–6` is read "three to six").
//! - A word in capitals of two or more letters (`RF`, `PRP`) is spelled out: one syllable a letter.

/// The highest grade a shipped page may measure: US grade 8.
pub const MAX_GRADE: f32 = 8.0;

/// Grade estimate of a text in a language: `"en"` gives the Flesch-Kincaid grade level,
/// `"es"` the Fernández-Huerta score mapped to a US grade (see `spanish_grade`).
/// `None` for other languages or for a text with no words.
pub fn grade(text: &str, language: &str) -> Option<f32> {
    // "en-US" or "es_MX" count as their language.
    let primary = language
        .split(['-', '_'])
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    match primary.as_str() {
        "en" => {
            count(text, english_syllables).map(|c| flesch_kincaid(c.per_sentence(), c.per_word()))
        }
        "es" => {
            count(text, spanish_syllables).map(|c| spanish_grade(c.per_sentence(), c.per_word()))
        }
        _ => None,
    }
}

/// Flesch-Kincaid grade level (Kincaid et al., 1975).
fn flesch_kincaid(words_per_sentence: f32, syllables_per_word: f32) -> f32 {
    0.39 * words_per_sentence + 11.8 * syllables_per_word - 15.59
}

/// Fernández-Huerta readability (1959), mapped to a US grade.
///
/// `L = 206.84 − 60·(syllables per word) − 1.02·(words per sentence)`, that is
/// `206.84 − 0.60·P − 1.02·F` with P the syllables per 100 words and F the mean words per
/// sentence. F is often misquoted as "sentences per 100 words", which would make shorter
/// sentences score harder; the formula is Flesch's Reading Ease re-weighted for Spanish
/// syllables, and Flesch's term is words per sentence.
///
/// Because L is on Flesch's scale, it is mapped with Flesch's table of US grades (90–100:
/// grade 5, 80–90: 6, 70–80: 7, 60–70: 8–9, 50–60: 10–12, 30–50: college, 0–30: graduate),
/// made continuous by reading each band's lower score as the end of its grades. So grade 8
/// means L = 70. This is one grade stricter at the line than Fernández-Huerta's own table
/// (60–70: "7º u 8º grado"), which is the safe side for patient material.
fn spanish_grade(words_per_sentence: f32, syllables_per_word: f32) -> f32 {
    let l = 206.84 - 60.0 * syllables_per_word - 1.02 * words_per_sentence;
    // (score, grade) corners of the table, from easy to hard.
    const TABLE: [(f32, f32); 7] = [
        (100.0, 5.0),
        (90.0, 6.0),
        (80.0, 7.0),
        (70.0, 8.0),
        (60.0, 10.0),
        (50.0, 13.0),
        (30.0, 17.0),
    ];
    let grade = if l >= TABLE[0].0 {
        // Easier than the table: keep its slope so very plain text still ranks.
        TABLE[0].1 - (l - TABLE[0].0) / 10.0
    } else if let Some(pair) = TABLE.windows(2).find(|p| l >= p[1].0) {
        let ((hi_score, hi_grade), (lo_score, lo_grade)) = (pair[0], pair[1]);
        hi_grade + (hi_score - l) / (hi_score - lo_score) * (lo_grade - hi_grade)
    } else {
        // Below 30 ("very difficult"): graduate level, rising slowly to 18 at zero.
        17.0 + (30.0 - l.max(0.0)) / 30.0
    };
    grade.max(0.0)
}

#[derive(Default, Debug, PartialEq)]
struct Counts {
    words: usize,
    sentences: usize,
    syllables: usize,
}

impl Counts {
    fn per_sentence(&self) -> f32 {
        self.words as f32 / self.sentences as f32
    }

    fn per_word(&self) -> f32 {
        self.syllables as f32 / self.words as f32
    }
}

/// Words, sentences and syllables of a text; `None` when it has no words.
fn count(text: &str, letters: fn(&str) -> usize) -> Option<Counts> {
    let mut counts = Counts::default();
    for sentence in sentences(text) {
        let words = words(sentence);
        if words.is_empty() {
            continue; // a blank line or a stray mark is no sentence
        }
        counts.sentences += 1;
        counts.words += words.len();
        counts.syllables += words
            .iter()
            .map(|w| word_syllables(w, letters))
            .sum::<usize>();
    }
    (counts.words > 0).then_some(counts)
}

fn sentences(text: &str) -> Vec<&str> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let digit = |i: usize| chars.get(i).is_some_and(|(_, c)| c.is_ascii_digit());
    let mut found = Vec::new();
    let mut start = 0;
    for (i, &(at, c)) in chars.iter().enumerate() {
        let ends = match c {
            '\n' | '!' | '?' | '…' => true,
            // A point between digits is a decimal point, not an end.
            '.' => !(i > 0 && digit(i - 1) && digit(i + 1)),
            _ => false,
        };
        if ends {
            found.push(&text[start..at]);
            start = at + c.len_utf8();
        }
    }
    found.push(&text[start..]);
    found
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’')
}

fn is_dash(c: char) -> bool {
    matches!(c, '-' | '‐' | '–')
}

fn words(sentence: &str) -> Vec<String> {
    let chars: Vec<char> = sentence.chars().collect();
    let mut words = Vec::new();
    let mut word = String::new();
    for (i, &c) in chars.iter().enumerate() {
        let joins = (is_apostrophe(c) || is_dash(c))
            && !word.is_empty()
            && chars.get(i + 1).is_some_and(|n| n.is_alphanumeric());
        if c.is_alphanumeric() || joins {
            word.push(c);
        } else if !word.is_empty() {
            words.push(std::mem::take(&mut word));
        }
    }
    if !word.is_empty() {
        words.push(word);
    }
    words
}

/// Syllables of one word; `letters` counts a part made of letters, in lowercase.
fn word_syllables(word: &str, letters: fn(&str) -> usize) -> usize {
    let word: String = word.chars().filter(|c| !is_apostrophe(*c)).collect();
    let parts: Vec<&str> = word.split(is_dash).filter(|p| !p.is_empty()).collect();
    let is_number = |p: &str| p.chars().all(|c| c.is_ascii_digit());
    let ranges = parts
        .windows(2)
        .filter(|p| is_number(p[0]) && is_number(p[1]))
        .count();
    let spoken: usize = parts
        .iter()
        .map(|p| {
            let acronym = p.chars().count() >= 2 && p.chars().all(char::is_uppercase);
            if is_number(p) {
                1
            } else if acronym {
                p.chars().count()
            } else {
                letters(&p.to_lowercase()).max(1)
            }
        })
        .sum();
    spoken + ranges
}

fn english_vowel(c: char) -> bool {
    matches!(
        c,
        'a' | 'e' | 'i' | 'o' | 'u' | 'y' | 'á' | 'é' | 'í' | 'ó' | 'ú'
    )
}

/// English syllables by vowel groups, with the usual corrections. Off by one now and then
/// (English spelling does not say how a word is spoken); fine for an average over a page.
fn english_syllables(word: &str) -> usize {
    let w: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
    if w.len() <= 3 {
        return 1; // the, age, sea, you
    }
    // Suffixes that are a syllable of their own and keep the silent e of the stem silent:
    // safe-ly, treat-ment, care-ful.
    for suffix in ["ly", "ment", "ful", "ness", "less"] {
        let n = suffix.chars().count();
        if w.len() > n + 2 && w[w.len() - n..].iter().copied().eq(suffix.chars()) {
            let stem: String = w[..w.len() - n].iter().collect();
            return english_syllables(&stem) + 1;
        }
    }
    let vowel_at = |i: usize| english_vowel(w[i]) && !(i == 0 && w[i] == 'y'); // y-es, y-our
    let mut count = 0;
    for i in 0..w.len() {
        if vowel_at(i) && (i == 0 || !vowel_at(i - 1)) {
            count += 1;
        }
    }
    // Vowel pairs said as two syllables: ra-di-ance, pe-ri-od, grad-u-al; but not in
    // -tion, -sion, -cial, -gion, nor the u of qu and gu (qual-i-ty, lan-guage).
    for i in 1..w.len() {
        let before = if i >= 2 { w[i - 2] } else { ' ' };
        let split_i = w[i - 1] == 'i' && matches!(w[i], 'a' | 'o') && !"tcsgx".contains(before);
        let split_u = w[i - 1] == 'u' && w[i] == 'a' && !"qg".contains(before);
        if split_i || split_u {
            count += 1;
        }
    }
    let ends = |s: &str| w.len() > s.len() && w[w.len() - s.len()..].iter().copied().eq(s.chars());
    let consonant_at = |i: usize| !english_vowel(w[i]);
    let n = w.len();
    // Silent final e (make, lines, used), but a consonant before -le is a syllable (ta-ble)
    // and -es after a hissing sound (pla-ces, wish-es) or -ed after t or d (need-ed) is spoken.
    let silent = if ends("le") {
        !consonant_at(n - 3)
    } else if ends("e") {
        !ends("ee")
    } else if ends("es") {
        consonant_at(n - 3) && !"sxzcg".contains(w[n - 3]) && !ends("ches") && !ends("shes")
    } else if ends("ed") {
        consonant_at(n - 3) && !"td".contains(w[n - 3])
    } else {
        false
    };
    if silent {
        count -= 1;
    }
    count.max(1)
}

#[derive(Clone, Copy, PartialEq)]
enum Vowel {
    /// a, e, o, and a stressed í or ú, which stands apart from its neighbours (dí-a, pa-ís).
    Strong,
    /// An unstressed i, u or y: it glides into the vowel beside it (ciu-dad, cie-lo).
    Weak,
}

/// Spanish syllables: one per vowel nucleus. Vowels side by side share a nucleus
/// (diphthong, triphthong) unless both are strong (hiatus: po-e-ta, le-er, dí-a).
fn spanish_syllables(word: &str) -> usize {
    let w: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
    let next_is_vowel = |i: usize| w.get(i + 1).is_some_and(|c| "aeiouáéíóúü".contains(*c));
    let mut count = 0;
    let mut previous: Option<Vowel> = None;
    for (i, &c) in w.iter().enumerate() {
        let kind = match c {
            'a' | 'e' | 'o' | 'á' | 'é' | 'ó' | 'í' | 'ú' => Some(Vowel::Strong),
            'i' | 'ü' => Some(Vowel::Weak),
            // The u of que, qui, gue, gui is not spoken.
            'u' if i > 0
                && (w[i - 1] == 'q'
                    || (w[i - 1] == 'g' && w.get(i + 1).is_some_and(|n| "eiéí".contains(*n)))) =>
            {
                None
            }
            'u' => Some(Vowel::Weak),
            // y before a vowel is a consonant (ya, le-yes); otherwise a vowel (hoy, muy, y).
            'y' if next_is_vowel(i) => None,
            'y' => Some(Vowel::Weak),
            _ => None,
        };
        match (previous, kind) {
            (_, None) => {}
            (None, Some(_)) | (Some(Vowel::Strong), Some(Vowel::Strong)) => count += 1,
            (Some(_), Some(_)) => {} // at least one weak vowel: same syllable
        }
        previous = kind;
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(actual: Option<f32>, expected: f32) -> bool {
        actual.is_some_and(|a| (a - expected).abs() < 0.05)
    }

    #[test]
    fn english_syllables_of_known_words() {
        for (word, expected) in [
            ("the", 1),
            ("cat", 1),
            ("make", 1),
            ("table", 2),
            ("while", 1),
            ("needed", 2),
            ("used", 1),
            ("lines", 1),
            ("places", 2),
            ("radiance", 3),
            ("gradual", 3),
            ("sessions", 2),
            ("collagen", 3),
            ("microneedling", 4),
            ("treatment", 2),
            ("safely", 2),
            ("sensitive", 3),
            ("psoriasis", 4),
            ("yes", 1),
        ] {
            assert_eq!(english_syllables(word), expected, "{word}");
        }
    }

    #[test]
    fn spanish_syllables_of_known_words() {
        for (word, expected) in [
            ("murciélago", 4),
            ("aceite", 3),
            ("país", 2),
            ("ciudad", 2),
            ("día", 2),
            ("poeta", 3),
            ("que", 1),
            ("guía", 2),
            ("pingüino", 3),
            ("uruguay", 3),
            ("hoy", 1),
            ("y", 1),
            ("leyes", 2),
            ("ahora", 3),
            ("piel", 1),
            ("colágeno", 4),
        ] {
            assert_eq!(spanish_syllables(word), expected, "{word}");
        }
    }

    #[test]
    fn the_classic_flesch_kincaid_examples() {
        // 6 words, 6 syllables, 1 sentence: 0.39·6 + 11.8·1 − 15.59.
        assert!(close(grade("The cat sat on the mat.", "en"), -1.45));
        // 13 words, 26 syllables: grade 13.1, the example usually given for the formula.
        let platypus =
            "The Australian platypus is seemingly a hybrid of a mammal and reptilian creature.";
        assert!(close(grade(platypus, "en"), 13.08));
    }

    #[test]
    fn a_spanish_sentence_by_hand() {
        // 4 words, 8 syllables, 1 sentence: L = 206.84 − 60·2 − 1.02·4 = 82.76,
        // between 90 (grade 6) and 80 (grade 7): grade 6.72.
        assert!(close(grade("El gato come pescado.", "es"), 6.72));
    }

    #[test]
    fn the_spanish_mapping_follows_the_table() {
        let at = |l: f32| {
            // syllables per word that give this L with one-word sentences
            spanish_grade(1.0, (206.84 - 1.02 - l) / 60.0)
        };
        assert!((at(70.0) - 8.0).abs() < 1e-3);
        assert!((at(65.0) - 9.0).abs() < 1e-3);
        assert!((at(90.0) - 6.0).abs() < 1e-3);
        assert!((at(110.0) - 4.0).abs() < 1e-3);
        assert!(at(-20.0) <= 18.0);
    }

    #[test]
    fn headings_and_list_items_are_sentences_and_ranges_are_one_word() {
        let counts = count(
            "Aftercare\nSkip makeup for 1–2 days.\nNo saunas",
            english_syllables,
        );
        // Af-ter-care (3) | Skip make-up for one-to-two days (8) | No sau-nas (3)
        assert_eq!(
            counts,
            Some(Counts {
                words: 8,
                sentences: 3,
                syllables: 14
            })
        );
        assert_eq!(
            words("It's 3–6 nano-needling sessions."),
            ["It's", "3–6", "nano-needling", "sessions"]
        );
        assert_eq!(sentences("Use 2.5 ml. Then rest").len(), 2);
    }

    #[test]
    fn acronyms_are_spelled_out() {
        assert_eq!(word_syllables("RF", english_syllables), 2);
        assert_eq!(word_syllables("FPS", spanish_syllables), 3);
    }

    #[test]
    fn no_grade_without_words_or_for_other_languages() {
        assert_eq!(grade("", "en"), None);
        assert_eq!(grade(" – ? \n", "es"), None);
        assert_eq!(grade("Bonjour.", "fr"), None);
        assert!(grade("Hola.", "es-MX").is_some());
    }

    #[test]
    fn shorter_sentences_read_easier_in_both_languages() {
        let long = "You should stop using retinoids and exfoliating acids for several days before your appointment because your skin needs time to settle.";
        let short = "Stop retinoids and exfoliating acids. Do it a few days before. Your skin needs time to settle.";
        assert!(grade(short, "en") < grade(long, "en"));
        let largo = "Debe dejar de usar los retinoides y los ácidos exfoliantes durante varios días antes de su cita porque la piel necesita tiempo para calmarse.";
        let corto = "Deje de usar retinoides y ácidos exfoliantes. Hágalo unos días antes. La piel necesita calmarse.";
        assert!(grade(corto, "es") < grade(largo, "es"));
    }
}
