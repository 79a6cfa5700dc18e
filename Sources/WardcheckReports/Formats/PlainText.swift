import WardcheckCore

/// Text that every escaper in the reports writes as it is: printable ASCII other than the
/// characters a format gives a meaning (quotes, backslash, `<`, `&`, `>`, `'`), and the letters
/// of Latin-1 and Latin Extended, Vietnamese's among them. Checking this first lets a report copy
/// a unit's name or a remedy's text in one go instead of looking at every character, which was
/// a third of the time spent writing a report. Anything else takes the escaper's careful path.
enum PlainText {
    private static let markup = LatinText.Refusing("\"\\<>&'")

    static func isPlain(_ utf8: String.UTF8View) -> Bool { LatinText.isSimple(utf8, refusing: markup) }
    static func isPlain(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool { LatinText.isSimple(bytes, refusing: markup) }
}
