/// A strict RFC 4180 reader for the CLI's CSV: CRLF records, quoted cells with doubled quotes,
/// the byte-order mark Excel needs skipped.
enum CSVRecords {
    static func parse(_ text: String, separator: Character) -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var cell = ""
        var quoted = false
        var characters = Array(text)
        if characters.first == "\u{FEFF}" { characters.removeFirst() }
        var i = 0
        while i < characters.count {
            let c = characters[i]
            if quoted {
                if c == "\"" {
                    if i + 1 < characters.count && characters[i + 1] == "\"" { cell.append("\""); i += 1 } else { quoted = false }
                } else {
                    cell.append(c)
                }
            } else if c == "\"" {
                quoted = true
            } else if c == separator {
                record.append(cell)
                cell = ""
            } else if c == "\r\n" || c == "\n" {
                record.append(cell)
                records.append(record)
                (record, cell) = ([], "")
            } else {
                cell.append(c)
            }
            i += 1
        }
        if !cell.isEmpty || !record.isEmpty { record.append(cell); records.append(record) }
        return records
    }
}
