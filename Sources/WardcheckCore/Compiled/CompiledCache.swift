#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// What wardcheck compiles from YAML, kept between runs: the criteria, so that a `check` of one
/// file reads no YAML but that file, and a city's roster, so that an audit does not parse a
/// country's list of units on one core before any unit is judged. Each is compiled from YAML
/// once, written here, and read back by every later run whose input has the same digest and
/// whose program is the same build.
///
/// Never trusted blindly: an entry is found by the SHA-256 of its input as it is now (an edited
/// threshold or roster line is a new digest, so a stale entry is never found), names its kind,
/// that digest and the program that wrote it inside, and ends with a checksum of everything
/// before it; anything that does not match, or does not decode, is ignored and the YAML is read
/// as if there were no cache. Writing is best effort: a read-only or full disk costs only the speed.
///
/// Where: `$WARDCHECK_CACHE` (`off` for none), else `$XDG_CACHE_HOME/wardcheck`, else
/// `~/.cache/wardcheck`.
public struct CompiledCache: Sendable {
    public let folder: String
    /// The program that compiles: another build may compile differently, so it never reads this one's entries.
    public let build: String

    /// What an entry holds; its name starts each entry's file name and its first line.
    public enum Kind: String, Sendable {
        case criteria
        case roster
    }

    /// The layout of the entries; raise it whenever `CriteriaCoding` or `RosterCoding` changes.
    static let format: UInt64 = 3
    /// Entries of each kind kept; older ones are removed when a new one is written.
    static let kept = 16

    public init(folder: String, build: String) {
        self.folder = folder
        self.build = build
    }

    /// The user's cache, or nil when it is turned off or there is no home to put it in.
    public static func standard() -> CompiledCache? {
        func env(_ name: String) -> String? {
            guard let value = getenv(name) else { return nil }
            let text = String(cString: value)
            return text.isEmpty ? nil : text
        }
        let folder: String
        if let chosen = env("WARDCHECK_CACHE") {
            if chosen == "off" { return nil }
            folder = chosen
        } else if let xdg = env("XDG_CACHE_HOME") {
            folder = xdg + "/wardcheck"
        } else if let home = env("HOME") {
            folder = home + "/.cache/wardcheck"
        } else {
            return nil
        }
        guard let build = runningBuild() else { return nil }
        return CompiledCache(folder: folder, build: build)
    }

    /// The running program's size and modification time: a rebuilt or upgraded program is another build.
    static func runningBuild() -> String? {
        var info = stat()
        guard stat("/proc/self/exe", &info) == 0 || stat(CommandLine.arguments.first ?? "", &info) == 0 else { return nil }
        #if canImport(Darwin)
        let time = info.st_mtimespec
        #else
        let time = info.st_mtim
        #endif
        return "\(info.st_size)-\(time.tv_sec)-\(time.tv_nsec)"
    }

    /// An entry per digest and build: two builds in use side by side (an installed wardcheck and
    /// one being developed, each run in turn) keep an entry each instead of overwriting each
    /// other's on every run. The build is named inside the entry too, and checked there.
    public func path(_ kind: Kind = .criteria, digest: String) -> String {
        folder + "/" + kind.rawValue + "-" + digest + "-" + Self.hex(Self.checksum(Array(build.utf8)[...])) + ".bin"
    }

    private static func magic(_ kind: Kind) -> [UInt8] { Array("wardcheck compiled \(kind.rawValue)\n".utf8) }

    private static func hex(_ value: UInt64) -> String {
        let digits = Array("0123456789abcdef".utf8)
        return String(decoding: stride(from: 60, through: 0, by: -4).map { digits[Int(value >> UInt64($0) & 0xF)] }, as: UTF8.self)
    }

    /// The compiled set for files of this digest, read from `criteriaFolder`; nil when there is
    /// no entry or it cannot be trusted.
    public func read(digest: String, criteriaFolder: String) -> CriteriaSet? {
        guard let payload = payload(.criteria, digest: digest) else { return nil }
        return try? CriteriaCoding.decode(payload, folder: criteriaFolder, digest: digest)
    }

    /// Keeps `set` for the next run; any failure only means the next run compiles again.
    public func write(_ set: CriteriaSet) {
        keep(.criteria, digest: set.identity.digest, payload: CriteriaCoding.encode(set))
    }

    /// What was kept for this kind and digest by this build, checksum and names checked; nil
    /// when there is no such entry or it cannot be trusted.
    func payload(_ kind: Kind, digest: String) -> [UInt8]? {
        guard let data = FileManager.default.contents(atPath: path(kind, digest: digest)) else { return nil }
        let bytes = [UInt8](data)
        guard bytes.count > 8 else { return nil }
        let body = bytes[..<(bytes.count - 8)]
        guard Self.checksum(body) == Self.number(bytes[(bytes.count - 8)...]) else { return nil }
        var r = ByteReader(Array(body))
        do {
            for byte in Self.magic(kind) where try r.tag() != byte { return nil }
            guard try r.unsigned() == Self.format, try r.string() == digest, try r.string() == build else { return nil }
            let payload = try r.bytes(try r.count())
            guard r.atEnd else { return nil }
            return payload
        } catch {
            return nil
        }
    }

    /// Keeps `payload` under its kind and digest; any failure only means the next run compiles again.
    func keep(_ kind: Kind, digest: String, payload: [UInt8]) {
        var w = ByteWriter()
        for byte in Self.magic(kind) { w.tag(byte) }
        w.unsigned(Self.format)
        w.string(digest)
        w.string(build)
        w.unsigned(UInt64(payload.count))
        var bytes = w.bytes + payload
        let sum = Self.checksum(bytes[...])
        for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: sum >> UInt64(shift))) }
        guard (try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)) != nil else { return }
        // A temporary name of our own, then a rename: a run reading at the same time sees the old entry or the new one.
        let temporary = folder + "/.\(kind.rawValue)-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(bytes)) else { return }
        if rename(temporary, path(kind, digest: digest)) != 0 {
            unlink(temporary)
            return
        }
        prune(kind)
    }

    /// Removes all but the `kept` most recently written entries of `kind`.
    private func prune(_ kind: Kind) {
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: folder) else { return }
        let entries = names.filter { $0.hasPrefix(kind.rawValue + "-") && $0.hasSuffix(".bin") }.compactMap { name -> (String, Date)? in
            let path = folder + "/" + name
            return ((try? fm.attributesOfItem(atPath: path))?[.modificationDate] as? Date).map { (path, $0) }
        }
        guard entries.count > Self.kept else { return }
        for (path, _) in entries.sorted(by: { $0.1 > $1.1 }).dropFirst(Self.kept) { unlink(path) }
    }

    /// FNV-1a, 64 bits: not a defence against an attacker (the entry is the user's own file), a
    /// check that what was written is what is read.
    static func checksum(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }

    private static func number(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        bytes.reversed().reduce(0) { $0 << 8 | UInt64($1) }
    }
}
