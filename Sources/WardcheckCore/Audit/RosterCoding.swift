import YAMLTree

/// The bytes of a loaded roster in the compiled cache (`CompiledCache`): its province, then each
/// unit's code, name and place, and the facts it writes as written (column, place, text).
///
/// The columns are not kept as meaning: they are the facts schema's unit keys, worked out again
/// from the schema on reading, and the keys written are compared with them, so an entry can only
/// come back under the schema that typed it (the entry's digest names that schema's criteria too).
enum RosterCoding {
    static func encode(_ roster: Roster) -> [UInt8] {
        var w = ByteWriter()
        w.optional(roster.province) { value, w in w.string(value) }
        w.strings(roster.units.first?.columns.keys ?? [])
        w.unsigned(UInt64(roster.units.count))
        for unit in roster.units {
            w.string(unit.code)
            w.string(unit.name)
            w.int(unit.mark.line)
            w.int(unit.mark.column)
            w.unsigned(UInt64(unit.written.count))
            for fact in unit.written {
                w.unsigned(UInt64(fact.column))
                w.int(Int(fact.line))
                w.int(Int(fact.at))
                w.string(fact.text)
            }
        }
        return w.bytes
    }

    static func decode(_ bytes: [UInt8], file: String, schema: FactsSchema) throws(ByteReader.Damaged) -> Roster {
        var r = ByteReader(bytes)
        let province = try r.optional { (r: inout ByteReader) throws(ByteReader.Damaged) in try r.string() }
        let columns = Roster.Columns(schema: schema)
        let keys = try r.strings()
        // An empty roster writes no keys; any other must have been read under these very columns.
        let count = try r.count()
        guard count == 0 ? keys.isEmpty : keys == columns.keys else { throw ByteReader.Damaged() }
        var units: [Roster.Unit] = []
        units.reserveCapacity(count)
        for _ in 0..<count {
            let code = try r.string()
            let name = try r.string()
            let mark = Mark(line: try r.int(), column: try r.int())
            let facts = try r.count()
            var written: [Roster.Written] = []
            written.reserveCapacity(facts)
            for _ in 0..<facts {
                let column = try r.unsigned()
                guard column < UInt64(columns.keys.count) else { throw ByteReader.Damaged() }
                guard let line = Int32(exactly: try r.int()), let at = Int32(exactly: try r.int()) else { throw ByteReader.Damaged() }
                written.append(Roster.Written(column: UInt16(column), line: line, at: at, text: try r.string()))
            }
            units.append(Roster.Unit(code: code, name: name, mark: mark, written: written, columns: columns))
        }
        guard r.atEnd else { throw ByteReader.Damaged() }
        return Roster(file: file, province: province, units: units)
    }
}
