//! The HTML front door's scan of a whole page (`cleaner.front.dom.parse`): does the page
//! hold a character XML forbids (the C0 controls but tab, line feed and carriage return,
//! a lone surrogate, and U+FFFE, U+FFFF)?  Most pages hold none, and then the page need not
//! be rewritten.

/// Is `c` a character that lxml's parser refuses?
#[inline]
fn invalid(c: u32) -> bool {
    (c < 0x20 && c != 0x09 && c != 0x0a && c != 0x0d)
        || (0xd800..=0xdfff).contains(&c)
        || c == 0xfffe
        || c == 0xffff
}

/// Does the text hold a character XML forbids?
pub fn has_invalid_xml<T: Copy + Into<u32>>(text: &[T]) -> bool {
    text.iter().any(|&c| invalid(c.into()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_forbidden_characters_only() {
        let ok: Vec<u32> = "a\tb\nc\rd \u{fffd}".chars().map(|c| c as u32).collect();
        assert!(!has_invalid_xml(&ok));
        for bad in [
            0x00u32, 0x08, 0x0b, 0x0c, 0x0e, 0x1f, 0xd800, 0xdfff, 0xfffe, 0xffff,
        ] {
            let mut text = ok.clone();
            text.push(bad);
            assert!(has_invalid_xml(&text), "{bad:#x}");
        }
    }
}
