/// Who issues a report sent up as an administrative document, and who signs it: the parts of
/// Decree 30/2020/NĐ-CP's layout that the audit cannot know. Any part not given is left as a
/// dotted blank for the office to fill by hand, never guessed.
public struct OfficialHeading: Sendable, Equatable {
    /// The body above the issuer: "UBND THÀNH PHỐ ĐÀ NẴNG".
    public var parent: String?
    /// The issuing body: "SỞ KHOA HỌC VÀ CÔNG NGHỆ".
    public var issuer: String?
    /// The number and symbol after "Số:": "125/BC-SKHCN".
    public var number: String?
    /// The place before the date: "Đà Nẵng".
    public var place: String?
    /// The day the document is signed; the audit's day when not given.
    public var date: Day?
    /// Authority and position over the signature: "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC".
    public var authority: String?
    public var position: String?
    public var signer: String?
    /// Where the document goes, one line each: "Ban Chỉ đạo Trung ương", "Lưu: VT".
    public var recipients: [String]

    public init(parent: String? = nil, issuer: String? = nil, number: String? = nil, place: String? = nil, date: Day? = nil,
                authority: String? = nil, position: String? = nil, signer: String? = nil, recipients: [String] = []) {
        (self.parent, self.issuer, self.number, self.place, self.date) = (parent, issuer, number, place, date)
        (self.authority, self.position, self.signer, self.recipients) = (authority, position, signer, recipients)
    }

    /// The heading signed on `day` unless it names its own day.
    public func dated(_ day: Day) -> OfficialHeading {
        var heading = self
        heading.date = date ?? day
        return heading
    }

    /// A blank to fill by hand.
    public static let blank = "……………"
}
