<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>ForwardPreviewRunner</name>
    <message>
        <source>The rule&apos;s pcap filter does not compile: %1</source>
        <translation>Der pcap-Filter der Regel lässt sich nicht übersetzen: %1</translation>
    </message>
    <message>
        <source>Cannot read %1 as a capture file.</source>
        <translation>%1 kann nicht als Mitschnittdatei gelesen werden.</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 Bytes</translation>
    </message>
    <message>
        <source>%1 of %2 bytes</source>
        <translation>%1 von %2 Bytes</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(leer)</translation>
    </message>
</context>
<context>
    <name>d4::app</name>
    <message>
        <source>The subcommand.</source>
        <translation>Der Unterbefehl.</translation>
    </message>
    <message>
        <source>Capture files.</source>
        <translation>Mitschnittdateien.</translation>
    </message>
    <message>
        <source>Print one JSON document instead of text.</source>
        <translation>Ein JSON-Dokument statt Text ausgeben.</translation>
    </message>
    <message>
        <source>A monitored IPv4 prefix (repeatable), for estimated attack rates.</source>
        <translation>Ein überwachtes IPv4-Präfix (wiederholbar), für geschätzte Angriffsraten.</translation>
    </message>
    <message>
        <source>cidr</source>
        <translation>CIDR</translation>
    </message>
    <message>
        <source>Thresholds: corsaro (default), moore, sensitive.</source>
        <translation>Schwellwerte: corsaro (Standard), moore, sensitive.</translation>
    </message>
    <message>
        <source>name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Attack: at least &lt;n&gt; packets.</source>
        <translation>Angriff: mindestens &lt;n&gt; Pakete.</translation>
    </message>
    <message>
        <source>n</source>
        <translation>n</translation>
    </message>
    <message>
        <source>Attack: lasting at least &lt;s&gt; seconds.</source>
        <translation>Angriff: Dauer von mindestens &lt;s&gt; Sekunden.</translation>
    </message>
    <message>
        <source>s</source>
        <translation>s</translation>
    </message>
    <message>
        <source>Count UDP from port 53 as backscatter.</source>
        <translation>UDP von Port 53 als Backscatter zählen.</translation>
    </message>
    <message>
        <source>Also reproduce analyzer-d4-pibs&apos;s output.</source>
        <translation>Zusätzlich die Ausgabe von analyzer-d4-pibs erzeugen.</translation>
    </message>
    <message>
        <source>Write PIBS&apos;s CSV lines to &lt;file&gt;.</source>
        <translation>Die CSV-Zeilen von PIBS in &lt;Datei&gt; schreiben.</translation>
    </message>
    <message>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>no capture file given</source>
        <translation>keine Mitschnittdatei angegeben</translation>
    </message>
    <message>
        <source>unknown preset &apos;%1&apos;</source>
        <translation>unbekannte Voreinstellung „%1“</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a number</source>
        <translation>„%1“ ist keine Zahl</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an IPv4 prefix</source>
        <translation>„%1“ ist kein IPv4-Präfix</translation>
    </message>
    <message>
        <source>cannot read %1</source>
        <translation>%1 kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation>%1 kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>Analyses capture files (pcap, pcapng, gzip-compressed or not) like capinfos, plus backscatter
DDoS inference (Corsaro thresholds by default) and the passive DNS records of the DNS
responses (&quot;passive_dns&quot; in JSON). Files are processed in first-packet order.

Each attack keeps evidence packets (its first and its most recent backscatter packets);
--evidence-dir writes them as one pcap per attack, named victim-protocol-start.pcap, and
the report names the files.

Exit codes: 0 every file read (warnings allowed), 1 a file was rejected or an evidence file
could not be written, 2 bad command line.</source>
        <translation>Analysiert Capture-Dateien (pcap, pcapng, gzip-komprimiert oder nicht) wie capinfos, dazu Backscatter-
DDoS-Erkennung (standardmäßig Corsaro-Schwellen) und die Passive-DNS-Einträge der DNS-
Antworten („passive_dns“ in JSON). Die Dateien werden in der Reihenfolge ihres ersten Pakets verarbeitet.

Jeder Angriff behält Beweispakete (seine ersten und seine neuesten Backscatter-Pakete);
--evidence-dir schreibt sie als ein pcap pro Angriff, benannt opfer-protokoll-beginn.pcap, und
der Bericht nennt die Dateien.

Exit-Codes: 0 alle Dateien gelesen (Warnungen erlaubt), 1 eine Datei abgelehnt oder eine Beweisdatei
nicht schreibbar, 2 ungültige Befehlszeile.</translation>
    </message>
    <message>
        <source>Write each attack&apos;s evidence packets as a pcap into &lt;dir&gt;.</source>
        <translation>Die Beweispakete jedes Angriffs als pcap in &lt;dir&gt; schreiben.</translation>
    </message>
    <message>
        <source>dir</source>
        <translation>Verz</translation>
    </message>
    <message>
        <source>Evidence: keep the first &lt;n&gt; packets of each attack (default 25; 0 with --evidence-recent 0: none).</source>
        <translation>Beweise: die ersten &lt;n&gt; Pakete jedes Angriffs behalten (Standard 25; 0 mit --evidence-recent 0: keine).</translation>
    </message>
    <message>
        <source>Evidence: also keep the &lt;n&gt; most recent packets (default 25).</source>
        <translation>Beweise: auch die &lt;n&gt; neuesten Pakete behalten (Standard 25).</translation>
    </message>
    <message>
        <source>at most %1 evidence packets</source>
        <translation>höchstens %1 Beweispakete</translation>
    </message>
    <message>
        <source>--evidence-dir needs evidence packets</source>
        <translation>--evidence-dir braucht Beweispakete</translation>
    </message>
    <message>
        <source>Attack: at least &lt;n&gt; packets in one window.</source>
        <translation>Angriff: mindestens &lt;n&gt; Pakete in einem Fenster.</translation>
    </message>
    <message>
        <source>The sliding window of --min-window-packets and of the max ppm, in seconds (default 60).</source>
        <translation>Das gleitende Fenster von --min-window-packets und der maximalen ppm, in Sekunden (Standard 60).</translation>
    </message>
    <message>
        <source>How far the window slides, in seconds (default 10).</source>
        <translation>Um wie viel das Fenster gleitet, in Sekunden (Standard 10).</translation>
    </message>
    <message>
        <source>--window and --slide are at most %1 seconds</source>
        <translation>--window und --slide betragen höchstens %1 Sekunden</translation>
    </message>
</context>
<context>
    <name>d4::backscatter</name>
    <message>
        <source>Not analysed</source>
        <translation>Nicht analysiert</translation>
    </message>
    <message>
        <source>Request (SYN)</source>
        <translation>Anfrage (SYN)</translation>
    </message>
    <message>
        <source>SYN/ACK</source>
        <translation>SYN/ACK</translation>
    </message>
    <message>
        <source>RST</source>
        <translation>RST</translation>
    </message>
    <message>
        <source>ICMP reply</source>
        <translation>ICMP-Antwort</translation>
    </message>
    <message>
        <source>ICMP error</source>
        <translation>ICMP-Fehler</translation>
    </message>
    <message>
        <source>UDP response</source>
        <translation>UDP-Antwort</translation>
    </message>
    <message>
        <source>Ambiguous</source>
        <translation>Mehrdeutig</translation>
    </message>
    <message>
        <source>ICMP request</source>
        <translation>ICMP-Anfrage</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Sonstige</translation>
    </message>
    <message>
        <source>Corsaro (25 packets, 60 s, 30/min)</source>
        <translation>Corsaro (25 Pakete, 60 s, 30/min)</translation>
    </message>
    <message>
        <source>Moore et al. (100 packets, 60 s)</source>
        <translation>Moore et al. (100 Pakete, 60 s)</translation>
    </message>
    <message>
        <source>Small sensor (5 packets, 10 s, 3/min)</source>
        <translation>Kleiner Sensor (5 Pakete, 10 s, 3/min)</translation>
    </message>
    <message>
        <source>No monitored prefix configured: attack rates cannot be estimated.</source>
        <translation>Kein überwachtes Präfix konfiguriert: Angriffsraten können nicht geschätzt werden.</translation>
    </message>
    <message>
        <source>Only %1 monitored addresses (fewer than a /16): estimated rates are very uncertain.</source>
        <translation>Nur %1 überwachte Adressen (weniger als ein /16): Die geschätzten Raten sind sehr unsicher.</translation>
    </message>
    <message>
        <source>its packets were released when it ended below the thresholds then in force</source>
        <translation>seine Pakete wurden freigegeben, als er unter den damals geltenden Schwellen endete</translation>
    </message>
    <message>
        <source>its packets gave way to newer attacks when the memory budget for evidence was spent</source>
        <translation>seine Pakete wichen neueren Angriffen, als das Speicherbudget für Beweise erschöpft war</translation>
    </message>
    <message>
        <source>the memory budget for evidence was spent when its packets came</source>
        <translation>das Speicherbudget für Beweise war erschöpft, als seine Pakete kamen</translation>
    </message>
    <message>
        <source>no packets were kept for it (evidence capture off, or the attack was not analysed by this console)</source>
        <translation>keine Pakete wurden behalten (Beweiserfassung aus, oder der Angriff wurde nicht von dieser Konsole analysiert)</translation>
    </message>
    <message>
        <source>No evidence for %1 %2: %3</source>
        <translation>Keine Beweise für %1 %2: %3</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>d4::capture</name>
    <message>
        <source>The file is empty.</source>
        <translation>Die Datei ist leer.</translation>
    </message>
    <message>
        <source>Not a capture file: no pcap, pcapng or gzip signature at the start.</source>
        <translation>Keine Mitschnittdatei: Am Anfang steht keine pcap-, pcapng- oder gzip-Signatur.</translation>
    </message>
    <message>
        <source>The capture ends inside its file header.</source>
        <translation>Der Mitschnitt endet innerhalb seines Dateikopfs.</translation>
    </message>
    <message>
        <source>Unsupported pcap or pcapng version.</source>
        <translation>Nicht unterstützte pcap- oder pcapng-Version.</translation>
    </message>
    <message>
        <source>A packet record is larger than allowed.</source>
        <translation>Ein Paketeintrag ist größer als erlaubt.</translation>
    </message>
    <message>
        <source>The pcapng section header has no valid byte-order magic.</source>
        <translation>Der pcapng-Abschnittskopf hat keine gültige Byte-Order-Kennung.</translation>
    </message>
    <message>
        <source>A pcapng block has an invalid length.</source>
        <translation>Ein pcapng-Block hat eine ungültige Länge.</translation>
    </message>
    <message>
        <source>A pcapng block is larger than allowed.</source>
        <translation>Ein pcapng-Block ist größer als erlaubt.</translation>
    </message>
    <message>
        <source>A pcapng interface description block is malformed.</source>
        <translation>Ein pcapng-Schnittstellenbeschreibungsblock ist fehlerhaft.</translation>
    </message>
    <message>
        <source>A pcapng packet refers to an undescribed interface.</source>
        <translation>Ein pcapng-Paket verweist auf eine nicht beschriebene Schnittstelle.</translation>
    </message>
    <message>
        <source>A pcapng packet block is malformed.</source>
        <translation>Ein pcapng-Paketblock ist fehlerhaft.</translation>
    </message>
    <message>
        <source>The gzip-compressed data is corrupt.</source>
        <translation>Die gzip-komprimierten Daten sind beschädigt.</translation>
    </message>
    <message>
        <source>The capture file was cut short in the middle of a packet: %1 packet(s) read, %2 trailing byte(s) ignored.</source>
        <translation>Die Mitschnittdatei bricht mitten in einem Paket ab: %1 Paket(e) gelesen, %2 überzählige(s) Byte(s) am Ende ignoriert.</translation>
    </message>
    <message>
        <source>The gzip stream ends before its end marker.</source>
        <translation>Der gzip-Datenstrom endet vor seiner Endmarkierung.</translation>
    </message>
</context>
<context>
    <name>d4::import</name>
    <message>
        <source>%1 is a folder</source>
        <translation>%1 ist ein Ordner</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is empty</source>
        <translation>%1 ist leer</translation>
    </message>
    <message>
        <source>%1 is not a capture file (pcap, pcapng or gzip)</source>
        <translation>%1 ist keine Capture-Datei (pcap, pcapng oder gzip)</translation>
    </message>
</context>
<context>
    <name>d4::import::ImportJob</name>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is not a readable capture: %2</source>
        <translation>%1 ist keine lesbare Capture: %2</translation>
    </message>
    <message>
        <source>%1: stopped at malformed data after %2 packets: %3</source>
        <translation>%1: Abbruch bei fehlerhaften Daten nach %2 Paketen: %3</translation>
    </message>
    <message>
        <source>Replay stopped: %1</source>
        <translation>Wiedergabe angehalten: %1</translation>
    </message>
    <message>
        <source>Replay failed: %1</source>
        <translation>Wiedergabe fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Passive DNS store: %1</source>
        <translation>Passives-DNS-Speicher: %1</translation>
    </message>
    <message>
        <source>link type %1: %2 packets</source>
        <translation>Linktyp %1: %2 Pakete</translation>
    </message>
    <message>
        <source>Replay: one file per link type, since a pcap file has only one (%1)</source>
        <translation>Wiedergabe: eine Datei je Linktyp, da eine pcap-Datei nur einen hat (%1)</translation>
    </message>
    <message>
        <source>IP fragments: %1 datagrams reassembled, %2 not (%3)</source>
        <translation>IP-Fragmente: %1 Datagramme zusammengesetzt, %2 nicht (%3)</translation>
    </message>
</context>
<context>
    <name>d4::import::ImportResult</name>
    <message>
        <source>%1 file(s), %2 packets, %3 bytes in %4 s%5; %6 DNS tuples, %7 attacks</source>
        <translation>%1 Datei(en), %2 Pakete, %3 Bytes in %4 s%5; %6 DNS-Tupel, %7 Angriffe</translation>
    </message>
    <message>
        <source> (cancelled)</source>
        <translation> (abgebrochen)</translation>
    </message>
    <message>
        <source>; %1 refused</source>
        <translation>; %1 abgelehnt</translation>
    </message>
    <message>
        <source>; %1 warning(s)</source>
        <translation>; %1 Warnung(en)</translation>
    </message>
</context>
<context>
    <name>d4::management::ManagementService</name>
    <message>
        <source>The management service is not running</source>
        <translation>Der Verwaltungsdienst läuft nicht</translation>
    </message>
</context>
<context>
    <name>d4::ui::AddSensorDialog</name>
    <message>
        <source>Add a sensor</source>
        <translation>Sensor hinzufügen</translation>
    </message>
    <message>
        <source>Sensor UUID:</source>
        <translation>Sensor-UUID:</translation>
    </message>
    <message>
        <source>HMAC key:</source>
        <translation>HMAC-Schlüssel:</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>Beschreibung:</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>Typ:</translation>
    </message>
    <message>
        <source>meta type, for types 2 and 254</source>
        <translation>Metatyp, für die Typen 2 und 254</translation>
    </message>
    <message>
        <source>Extended type:</source>
        <translation>Erweiterter Typ:</translation>
    </message>
    <message>
        <source>Server (host:port):</source>
        <translation>Server (Host:Port):</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Configuration directory</source>
        <translation>Konfigurationsverzeichnis</translation>
    </message>
    <message>
        <source>Export to directory:</source>
        <translation>In Verzeichnis exportieren:</translation>
    </message>
    <message>
        <source>Also write the server certificate as rootCA.crt</source>
        <translation>Das Serverzertifikat zusätzlich als rootCA.crt schreiben</translation>
    </message>
    <message>
        <source>The server fingerprint is unknown (attached mode): pin it by hand.</source>
        <translation>Der Fingerabdruck des Servers ist unbekannt (angebundener Modus): Bitte von Hand festlegen.</translation>
    </message>
    <message>
        <source>Server fingerprint (pinned): %1</source>
        <translation>Fingerabdruck des Servers (festgelegt): %1</translation>
    </message>
    <message>
        <source>Register and export</source>
        <translation>Registrieren und exportieren</translation>
    </message>
    <message>
        <source>cannot create %1</source>
        <translation>%1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>cannot read %1</source>
        <translation>%1 kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>The UUID is not a version-4 UUID.</source>
        <translation>Die UUID ist keine UUID der Version 4.</translation>
    </message>
    <message>
        <source>Types 2 and 254 need the extended type name.</source>
        <translation>Die Typen 2 und 254 benötigen den Namen des erweiterten Typs.</translation>
    </message>
    <message>
        <source>The key must have 1 to 100 bytes (the Go client reads no more).</source>
        <translation>Der Schlüssel muss 1 bis 100 Byte lang sein (der Go-Client liest nicht mehr).</translation>
    </message>
    <message>
        <source>The server must be written host:port or [IPv6]:port.</source>
        <translation>Der Server muss als Host:Port oder [IPv6]:Port angegeben werden.</translation>
    </message>
    <message>
        <source>%1 holds no PEM certificate.</source>
        <translation>%1 enthält kein PEM-Zertifikat.</translation>
    </message>
    <message>
        <source>The server certificate is not valid for %1, so sensors given rootCA.crt would refuse it. Use a name the certificate holds (%2), or leave rootCA.crt out: the fingerprint pins the certificate.</source>
        <translation>Das Serverzertifikat ist für %1 nicht gültig, Sensoren mit rootCA.crt würden es ablehnen. Verwenden Sie einen Namen aus dem Zertifikat (%2) oder lassen Sie rootCA.crt weg: der Fingerabdruck pinnt das Zertifikat.</translation>
    </message>
</context>
<context>
    <name>d4::ui::AttackTableModel</name>
    <message>
        <source>… (%1)</source>
        <translation>… (%1)</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>k. A.</translation>
    </message>
    <message>
        <source>Victim</source>
        <translation>Opfer</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>Target ports</source>
        <translation>Zielports</translation>
    </message>
    <message>
        <source>Start (UTC)</source>
        <translation>Beginn (UTC)</translation>
    </message>
    <message>
        <source>Duration (s)</source>
        <translation>Dauer (s)</translation>
    </message>
    <message>
        <source>Packets</source>
        <translation>Pakete</translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation>Bytes</translation>
    </message>
    <message>
        <source>Max ppm</source>
        <translation>Max. Pakete/min</translation>
    </message>
    <message>
        <source>Estimated pps</source>
        <translation>Geschätzte Pakete/s</translation>
    </message>
    <message>
        <source>Spoofed ports</source>
        <translation>Gefälschte Ports</translation>
    </message>
    <message>
        <source>Attacker /16s</source>
        <translation>Angreifer-/16-Netze</translation>
    </message>
    <message>
        <source>Sensor addresses hit</source>
        <translation>Getroffene Sensoradressen</translation>
    </message>
</context>
<context>
    <name>d4::ui::BackscatterPage</name>
    <message>
        <source>Capture time (UTC)</source>
        <translation>Mitschnittzeit (UTC)</translation>
    </message>
    <message>
        <source>Backscatter packets/s</source>
        <translation>Backscatter-Pakete/s</translation>
    </message>
    <message>
        <source>Packets per slide</source>
        <translation>Pakete pro Verschiebung</translation>
    </message>
    <message>
        <source>Selected victim</source>
        <translation>Ausgewähltes Opfer</translation>
    </message>
    <message>
        <source>Thresholds:</source>
        <translation>Schwellwerte:</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Als CSV exportieren…</translation>
    </message>
    <message>
        <source>Export JSON…</source>
        <translation>Als JSON exportieren…</translation>
    </message>
    <message>
        <source>Export MISP…</source>
        <translation>Nach MISP exportieren…</translation>
    </message>
    <message>
        <source>%1 packets, %2 backscatter (%3 SYN/ACK, %4 RST, %5 ICMP error, %6 ICMP reply); %7 attacks, %8 vectors below thresholds; %9 ICMP mismatches; evicted: %10 vectors, %11 SYN-seen entries</source>
        <translation>%1 Pakete, %2 Backscatter (%3 SYN/ACK, %4 RST, %5 ICMP-Fehler, %6 ICMP-Antworten); %7 Angriffe, %8 Vektoren unter den Schwellwerten; %9 ICMP-Abweichungen; verdrängt: %10 Vektoren, %11 SYN-gesehen-Einträge</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Export attacks</source>
        <translation>Angriffe exportieren</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>Export fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Save &amp;evidence pcap…</source>
        <translation>&amp;Beweise als pcap speichern…</translation>
    </message>
    <message>
        <source>Save evidence pcap…</source>
        <translation>Beweise als pcap speichern…</translation>
    </message>
    <message>
        <source>Write the kept packets of the selected attacks as pcap files (Ctrl+Shift+E)</source>
        <translation>Die behaltenen Pakete der ausgewählten Angriffe als pcap-Dateien schreiben (Strg+Umschalt+E)</translation>
    </message>
    <message>
        <source>&amp;Source:</source>
        <translation>&amp;Quelle:</translation>
    </message>
    <message>
        <source>No source: import captures (File › Import Captures…) to see their backscatter here.</source>
        <translation>Keine Quelle: Captures importieren (Datei › Captures importieren…), um hier ihren Backscatter zu sehen.</translation>
    </message>
    <message>
        <source>Evidence: %1 KiB held of %2 KiB; %3 packets refused by that budget; %4 vectors ended below the thresholds and released theirs; %5 ended attacks gave theirs to newer ones</source>
        <translation>Beweise: %1 KiB von %2 KiB belegt; %3 Pakete von diesem Budget abgelehnt; %4 unter den Schwellen beendete Vektoren haben ihre freigegeben; %5 beendete Angriffe haben ihre an neuere abgegeben</translation>
    </message>
    <message>
        <source>Select one or more attacks first.</source>
        <translation>Zuerst einen oder mehrere Angriffe auswählen.</translation>
    </message>
    <message>
        <source>Evidence saved: %1</source>
        <translation>Beweise gespeichert: %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>No evidence pcap available for the selection.
%1</source>
        <translation>Für die Auswahl ist kein Beweis-pcap verfügbar.
%1</translation>
    </message>
    <message>
        <source>Save evidence pcap</source>
        <translation>Beweis-pcap speichern</translation>
    </message>
    <message>
        <source>Captures (*.pcap *.pcapng)</source>
        <translation>Captures (*.pcap *.pcapng)</translation>
    </message>
    <message>
        <source>Save evidence pcaps into a folder</source>
        <translation>Beweis-pcaps in einen Ordner speichern</translation>
    </message>
    <message>
        <source>%1 (+%2 files)</source>
        <translation>%1 (+%2 Dateien)</translation>
    </message>
    <message>
        <source>%1 (importing…)</source>
        <translation>%1 (wird importiert…)</translation>
    </message>
    <message>
        <source>%1 (cancelled)</source>
        <translation>%1 (abgebrochen)</translation>
    </message>
    <message>
        <source>Import: %1</source>
        <translation>Import: %1</translation>
    </message>
</context>
<context>
    <name>d4::ui::BackscatterSourceBox</name>
    <message>
        <source>Backscatter source</source>
        <translation>Backscatter-Quelle</translation>
    </message>
    <message>
        <source>Live: the sensors&apos; traffic. An imported capture: its backscatter, on capture time.</source>
        <translation>Live: der Verkehr der Sensoren. Eine importierte Capture: ihr Backscatter, in Capture-Zeit.</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>Live</translation>
    </message>
</context>
<context>
    <name>d4::ui::BarChart</name>
    <message>
        <source>packets</source>
        <translation>Pakete</translation>
    </message>
</context>
<context>
    <name>d4::ui::ConsoleController</name>
    <message>
        <source>Dashboard</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>Sensors</source>
        <translation>Sensoren</translation>
    </message>
    <message>
        <source>Sensor</source>
        <translation>Sensor</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>Redis %1</source>
        <translation>Redis %1</translation>
    </message>
    <message>
        <source>Redis %1 unreachable: %2</source>
        <translation>Redis %1 nicht erreichbar: %2</translation>
    </message>
    <message>
        <source>&amp;Dark palette</source>
        <translation>&amp;Dunkle Farbpalette</translation>
    </message>
    <message>
        <source>&amp;Add sensor…</source>
        <translation>Sensor &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>Sensor %1 is silent or disconnected</source>
        <translation>Sensor %1 ist still oder getrennt</translation>
    </message>
    <message>
        <source>Sensor %1 is back</source>
        <translation>Sensor %1 ist wieder da</translation>
    </message>
    <message>
        <source>D4 sensor monitoring</source>
        <translation>D4-Sensorüberwachung</translation>
    </message>
    <message>
        <source>Add sensor</source>
        <translation>Sensor hinzufügen</translation>
    </message>
</context>
<context>
    <name>d4::ui::ConsoleSettings</name>
    <message>
        <source>The %1 endpoint &apos;%2&apos; is not host:port/db (db 0 to 15) or unix:/path/db.</source>
        <translation>Der %1-Endpunkt „%2“ hat nicht die Form Host:Port/DB (DB 0 bis 15) oder unix:/Pfad/DB.</translation>
    </message>
    <message>
        <source>Cannot read the configuration file %1.</source>
        <translation>Die Konfigurationsdatei %1 kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>The port %1 is not between 0 and 65535.</source>
        <translation>Der Port %1 liegt nicht zwischen 0 und 65535.</translation>
    </message>
    <message>
        <source>The data directory %1 is not a directory the console can write to.</source>
        <translation>Das Datenverzeichnis %1 ist kein Verzeichnis, in das die Konsole schreiben kann.</translation>
    </message>
    <message>
        <source>The default HMAC key must not be empty.</source>
        <translation>Der Standard-HMAC-Schlüssel darf nicht leer sein.</translation>
    </message>
    <message>
        <source>The default HMAC key must be at most 100 characters.</source>
        <translation>Der Standard-HMAC-Schlüssel darf höchstens 100 Zeichen lang sein.</translation>
    </message>
    <message>
        <source>Cannot read the TLS certificate %1.</source>
        <translation>Das TLS-Zertifikat %1 kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>The TLS certificate %1 holds no PEM certificate.</source>
        <translation>Die TLS-Zertifikatsdatei %1 enthält kein PEM-Zertifikat.</translation>
    </message>
    <message>
        <source>A TLS private key needs its certificate (leave both empty to have one generated).</source>
        <translation>Ein privater TLS-Schlüssel braucht sein Zertifikat (lassen Sie beide leer, um eines erzeugen zu lassen).</translation>
    </message>
    <message>
        <source>Cannot read the TLS private key %1.</source>
        <translation>Der private TLS-Schlüssel %1 kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Unknown language &apos;%1&apos;.</source>
        <translation>Unbekannte Sprache „%1“.</translation>
    </message>
</context>
<context>
    <name>d4::ui::DashboardPage</name>
    <message>
        <source>Active sensors</source>
        <translation>Aktive Sensoren</translation>
    </message>
    <message>
        <source>Packets today</source>
        <translation>Pakete heute</translation>
    </message>
    <message>
        <source>Ingest rate</source>
        <translation>Ingest-Rate</translation>
    </message>
    <message>
        <source>top </source>
        <translation>Top </translation>
    </message>
    <message>
        <source>Packets per sensor today</source>
        <translation>Pakete pro Sensor heute</translation>
    </message>
    <message>
        <source>Packets per type today</source>
        <translation>Pakete pro Typ heute</translation>
    </message>
    <message>
        <source>Rejection reason</source>
        <translation>Ablehnungsgrund</translation>
    </message>
    <message>
        <source>Connections refused</source>
        <translation>Abgelehnte Verbindungen</translation>
    </message>
    <message>
        <source>%1 pkt/s, %2 MB/s</source>
        <translation>%1 Pkt./s, %2 MB/s</translation>
    </message>
    <message>
        <source>%1 pkt/s</source>
        <translation>%1 Pkt./s</translation>
    </message>
</context>
<context>
    <name>d4::ui::DnsPage</name>
    <message>
        <source>Name, IP address, *.domain, or =rdata</source>
        <translation>Name, IP-Adresse, *.Domain oder =rdata</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Suchen</translation>
    </message>
    <message>
        <source>Export NDJSON…</source>
        <translation>Als NDJSON exportieren…</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Als CSV exportieren…</translation>
    </message>
    <message>
        <source>Export MISP…</source>
        <translation>Nach MISP exportieren…</translation>
    </message>
    <message>
        <source>Records/s and new tuples/s</source>
        <translation>Einträge/s und neue Tupel/s</translation>
    </message>
    <message>
        <source>records/s</source>
        <translation>Einträge/s</translation>
    </message>
    <message>
        <source>new tuples/s</source>
        <translation>neue Tupel/s</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>Sekunden</translation>
    </message>
    <message>
        <source>RR type mix</source>
        <translation>Verteilung der RR-Typen</translation>
    </message>
    <message>
        <source>Top names</source>
        <translation>Häufigste Namen</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Suche läuft…</translation>
    </message>
    <message numerus="yes">
        <source>%n result(s)</source>
        <translation>
            <numerusform>%n Ergebnis</numerusform>
            <numerusform>%n Ergebnisse</numerusform>
        </translation>
    </message>
    <message>
        <source>Search failed: %1</source>
        <translation>Suche fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>COF NDJSON (*.ndjson *.json)</source>
        <translation>COF NDJSON (*.ndjson *.json)</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>MISP objects (*.json)</source>
        <translation>MISP-Objekte (*.json)</translation>
    </message>
    <message>
        <source>Export results</source>
        <translation>Ergebnisse exportieren</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n result(s) to %1</source>
        <translation>
            <numerusform>%n Ergebnis nach %1 exportiert</numerusform>
            <numerusform>%n Ergebnisse nach %1 exportiert</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>d4::ui::DnsResultsModel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Daten</translation>
    </message>
    <message>
        <source>First seen (UTC)</source>
        <translation>Zuerst gesehen (UTC)</translation>
    </message>
    <message>
        <source>Last seen (UTC)</source>
        <translation>Zuletzt gesehen (UTC)</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <source>Sensors</source>
        <translation>Sensoren</translation>
    </message>
</context>
<context>
    <name>d4::ui::ForwardPage</name>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Pausieren</translation>
    </message>
    <message>
        <source>Rules are defined in the server&apos;s configuration ([Forward:&lt;name&gt;] sections); here they can be watched, paused and previewed.</source>
        <translation>Die Regeln werden in der Serverkonfiguration definiert (Abschnitte [Forward:&lt;name&gt;]); hier lassen sie sich beobachten, pausieren und in einer Vorschau prüfen.</translation>
    </message>
    <message>
        <source>Sent to the partner</source>
        <translation>An den Partner gesendet</translation>
    </message>
    <message>
        <source>records/s</source>
        <translation>Datensätze/s</translation>
    </message>
    <message>
        <source>MB/s</source>
        <translation>MB/s</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>Sekunden</translation>
    </message>
    <message>
        <source>&amp;Throughput and filters</source>
        <translation>Durchsa&amp;tz und Filter</translation>
    </message>
    <message>
        <source>Cannot read the forwarding rules: %1</source>
        <translation>Die Weiterleitungsregeln können nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>No forwarding rule: add [Forward:&lt;name&gt;] sections to the server&apos;s configuration.</source>
        <translation>Keine Weiterleitungsregel: Fügen Sie der Serverkonfiguration Abschnitte [Forward:&lt;name&gt;] hinzu.</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>&amp;Fortsetzen</translation>
    </message>
    <message>
        <source>Select a rule.</source>
        <translation>Wählen Sie eine Regel.</translation>
    </message>
    <message>
        <source>Read: %1</source>
        <translation>Gelesen: %1</translation>
    </message>
    <message>
        <source>Filtered: %1</source>
        <translation>Gefiltert: %1</translation>
    </message>
    <message>
        <source>Sent: %1 (%2)</source>
        <translation>Gesendet: %1 (%2)</translation>
    </message>
    <message>
        <source>Connections: %1</source>
        <translation>Verbindungen: %1</translation>
    </message>
    <message>
        <source>Last acknowledgement: %1</source>
        <translation>Letzte Bestätigung: %1</translation>
    </message>
    <message>
        <source>Pausing %1…</source>
        <translation>%1 wird pausiert…</translation>
    </message>
    <message>
        <source>Resuming %1…</source>
        <translation>%1 wird fortgesetzt…</translation>
    </message>
    <message>
        <source>Cannot change %1: %2</source>
        <translation>%1 kann nicht geändert werden: %2</translation>
    </message>
    <message>
        <source>%1 paused: the server stops reading its sources.</source>
        <translation>%1 pausiert: Der Server liest seine Quellen nicht mehr.</translation>
    </message>
    <message>
        <source>%1 resumed.</source>
        <translation>%1 fortgesetzt.</translation>
    </message>
    <message>
        <source>&amp;Dry-run preview</source>
        <translation>&amp;Dry-Run-Vorschau</translation>
    </message>
    <message>
        <source>&amp;New rule…</source>
        <translation>&amp;Neue Regel…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <source>Rem&amp;ove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Rules are edited in the embedded server&apos;s server.conf: choose one in File &gt; Settings (or start with --config) to edit them here.</source>
        <translation>Regeln werden in der server.conf des eingebetteten Servers bearbeitet: Wählen Sie eine unter Datei &gt; Einstellungen (oder starten Sie mit --config), um sie hier zu bearbeiten.</translation>
    </message>
    <message>
        <source>Rule %1 saved in %2. The change applies when the server restarts: restart D4 Console to apply.</source>
        <translation>Regel %1 in %2 gespeichert. Die Änderung gilt nach einem Neustart des Servers: Starten Sie D4 Console neu, um sie anzuwenden.</translation>
    </message>
    <message>
        <source>Remove rule</source>
        <translation>Regel entfernen</translation>
    </message>
    <message>
        <source>Remove rule %1 from %2?</source>
        <translation>Regel %1 aus %2 entfernen?</translation>
    </message>
    <message>
        <source>Rule %1 removed from %2. The change applies when the server restarts: restart D4 Console to apply.</source>
        <translation>Regel %1 aus %2 entfernt. Die Änderung gilt nach einem Neustart des Servers: Starten Sie D4 Console neu, um sie anzuwenden.</translation>
    </message>
</context>
<context>
    <name>d4::ui::ForwardPreviewModel</name>
    <message>
        <source>#</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Entscheidung</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Element</translation>
    </message>
    <message>
        <source>Sent as</source>
        <translation>Gesendet als</translation>
    </message>
    <message>
        <source>kept</source>
        <translation>behalten</translation>
    </message>
    <message>
        <source>left out</source>
        <translation>ausgelassen</translation>
    </message>
</context>
<context>
    <name>d4::ui::ForwardPreviewPanel</name>
    <message>
        <source>Paste lines here, one item per line</source>
        <translation>Zeilen hier einfügen, ein Element pro Zeile</translation>
    </message>
    <message>
        <source>&amp;Load file…</source>
        <translation>Datei &amp;laden…</translation>
    </message>
    <message>
        <source>Sa&amp;mple the queue</source>
        <translation>Warteschlange &amp;abfragen</translation>
    </message>
    <message>
        <source>The next 100 items the rule would read from its analyzer queue; they stay in the queue</source>
        <translation>Die nächsten 100 Elemente, die die Regel aus ihrer Analyzer-Warteschlange lesen würde; sie bleiben in der Warteschlange</translation>
    </message>
    <message>
        <source>Select a rule to preview what it would send.</source>
        <translation>Wählen Sie eine Regel, um zu sehen, was sie senden würde.</translation>
    </message>
    <message>
        <source>Load a pcap or pcapng file: its first 1,000 packets are previewed.</source>
        <translation>Laden Sie eine pcap- oder pcapng-Datei: Ihre ersten 1.000 Pakete werden in der Vorschau gezeigt.</translation>
    </message>
    <message>
        <source>Lines of this type are only sampled, not parsed.</source>
        <translation>Zeilen dieses Typs werden nur stichprobenartig ausgewählt, nicht zerlegt.</translation>
    </message>
    <message>
        <source>This rule pseudonymises client fields: the preview uses a random key, so the pseudonyms differ from those the partner receives.</source>
        <translation>Diese Regel pseudonymisiert die Client-Felder: Die Vorschau verwendet einen Zufallsschlüssel, daher unterscheiden sich die Pseudonyme von denen, die der Partner erhält.</translation>
    </message>
    <message>
        <source>Captures (*.pcap *.pcapng *.cap *.gz);;All files (*)</source>
        <translation>Mitschnitte (*.pcap *.pcapng *.cap *.gz);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Text files (*.txt *.log *.json);;All files (*)</source>
        <translation>Textdateien (*.txt *.log *.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Preview a file</source>
        <translation>Vorschau einer Datei</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>%1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>Sampling the queue…</source>
        <translation>Warteschlange wird abgefragt…</translation>
    </message>
    <message>
        <source>Sampling failed: %1</source>
        <translation>Abfrage fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>The queue is empty.</source>
        <translation>Die Warteschlange ist leer.</translation>
    </message>
    <message>
        <source>None of the queued capture files is readable from this computer.</source>
        <translation>Keine der Mitschnittdateien in der Warteschlange ist von diesem Rechner aus lesbar.</translation>
    </message>
    <message>
        <source>Running the preview…</source>
        <translation>Vorschau läuft…</translation>
    </message>
    <message numerus="yes">
        <source>%n kept</source>
        <translation>
            <numerusform>%n behalten</numerusform>
            <numerusform>%n behalten</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s): </source>
        <translation>
            <numerusform>%n Element: </numerusform>
            <numerusform>%n Elemente: </numerusform>
        </translation>
    </message>
    <message>
        <source>(first %1 packets only)</source>
        <translation>(nur die ersten %1 Pakete)</translation>
    </message>
    <message>
        <source>Run pre&amp;view</source>
        <translation>&amp;Vorschau ausführen</translation>
    </message>
</context>
<context>
    <name>d4::ui::ForwardRuleDialog</name>
    <message>
        <source>Edit rule %1</source>
        <translation>Regel %1 bearbeiten</translation>
    </message>
    <message>
        <source>New forwarding rule</source>
        <translation>Neue Weiterleitungsregel</translation>
    </message>
    <message>
        <source>Rule and sources</source>
        <translation>Regel und Quellen</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Enabled (yes/no):</source>
        <translation>Aktiv (yes/no):</translation>
    </message>
    <message>
        <source>&amp;Type (1, 3, 8, 254):</source>
        <translation>&amp;Typ (1, 3, 8, 254):</translation>
    </message>
    <message>
        <source>Extended type:</source>
        <translation>Erweiterter Typ:</translation>
    </message>
    <message>
        <source>Sens&amp;ors (UUIDs, @group, *):</source>
        <translation>Sens&amp;oren (UUIDs, @Gruppe, *):</translation>
    </message>
    <message>
        <source>&amp;Queues (UUIDs):</source>
        <translation>&amp;Queues (UUIDs):</translation>
    </message>
    <message>
        <source>Partner and TLS</source>
        <translation>Partner und TLS</translation>
    </message>
    <message>
        <source>&amp;Partner (host:port):</source>
        <translation>&amp;Partner (Host:Port):</translation>
    </message>
    <message>
        <source>Partner &amp;UUID:</source>
        <translation>Partner-&amp;UUID:</translation>
    </message>
    <message>
        <source>Partner &amp;key:</source>
        <translation>Partner-Schlüsse&amp;l:</translation>
    </message>
    <message>
        <source>Partner CA file:</source>
        <translation>CA-Datei des Partners:</translation>
    </message>
    <message>
        <source>Partner p&amp;in (SHA-256):</source>
        <translation>Partner-P&amp;in (SHA-256):</translation>
    </message>
    <message>
        <source>Accept any certificate (yes/no):</source>
        <translation>Jedes Zertifikat akzeptieren (yes/no):</translation>
    </message>
    <message>
        <source>Longest retry back-off (s):</source>
        <translation>Längste Wartezeit zwischen Versuchen (s):</translation>
    </message>
    <message>
        <source>Line filters</source>
        <translation>Zeilenfilter</translation>
    </message>
    <message>
        <source>Passive DNS lines (yes/no):</source>
        <translation>Passive-DNS-Zeilen (yes/no):</translation>
    </message>
    <message>
        <source>Layout fields:</source>
        <translation>Felder des Formats:</translation>
    </message>
    <message>
        <source>Layout separator:</source>
        <translation>Trennzeichen des Formats:</translation>
    </message>
    <message>
        <source>&amp;Drop zones:</source>
        <translation>Ausgeschlossene &amp;Zonen:</translation>
    </message>
    <message>
        <source>Keep zones:</source>
        <translation>Beibehaltene Zonen:</translation>
    </message>
    <message>
        <source>C&amp;lient fields (keep, drop, pseudonymise):</source>
        <translation>&amp;Client-Felder (keep, drop, pseudonymise):</translation>
    </message>
    <message>
        <source>Pseudonym key:</source>
        <translation>Pseudonym-Schlüssel:</translation>
    </message>
    <message>
        <source>Dropped DNS types:</source>
        <translation>Ausgeschlossene DNS-Typen:</translation>
    </message>
    <message>
        <source>Sample (0–1]:</source>
        <translation>Stichprobe (0–1]:</translation>
    </message>
    <message>
        <source>Pcap filters</source>
        <translation>Pcap-Filter</translation>
    </message>
    <message>
        <source>Pcap &amp;filter:</source>
        <translation>Pcap-&amp;Filter:</translation>
    </message>
    <message>
        <source>Snap length:</source>
        <translation>Snap-Länge:</translation>
    </message>
    <message>
        <source>Link type:</source>
        <translation>Link-Typ:</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Zustellung</translation>
    </message>
    <message>
        <source>Spool directory:</source>
        <translation>Spool-Verzeichnis:</translation>
    </message>
    <message>
        <source>Spool size (MB):</source>
        <translation>Spool-Größe (MB):</translation>
    </message>
    <message>
        <source>Acknowledgement interval (ms):</source>
        <translation>Bestätigungsintervall (ms):</translation>
    </message>
    <message>
        <source>Acknowledgement window (MB):</source>
        <translation>Bestätigungsfenster (MB):</translation>
    </message>
    <message>
        <source>Packet size:</source>
        <translation>Paketgröße:</translation>
    </message>
    <message>
        <source>default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>A rule needs a name.</source>
        <translation>Eine Regel braucht einen Namen.</translation>
    </message>
    <message>
        <source>There is already a rule named %1.</source>
        <translation>Es gibt bereits eine Regel namens %1.</translation>
    </message>
</context>
<context>
    <name>d4::ui::ForwardRulesModel</name>
    <message>
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>Partner</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Quellen</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Gelesen</translation>
    </message>
    <message>
        <source>Filtered</source>
        <translation>Gefiltert</translation>
    </message>
    <message>
        <source>Spooled</source>
        <translation>Zwischengespeichert</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Bestätigt</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Letzter Fehler</translation>
    </message>
    <message>
        <source>(configuration unreadable)</source>
        <translation>(Konfiguration unlesbar)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Nothing left out</source>
        <translation>Nichts ausgelassen</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) waiting on disk</source>
        <translation>
            <numerusform>%n Datensatz wartet auf der Platte</numerusform>
            <numerusform>%n Datensätze warten auf der Platte</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 sent</source>
        <translation>%1 gesendet</translation>
    </message>
    <message>
        <source>Last acknowledgement: %1</source>
        <translation>Letzte Bestätigung: %1</translation>
    </message>
    <message>
        <source>Nothing acknowledged yet</source>
        <translation>Noch nichts bestätigt</translation>
    </message>
    <message numerus="yes">
        <source>%n connection(s) since the server started</source>
        <translation>
            <numerusform>%n Verbindung seit dem Serverstart</numerusform>
            <numerusform>%n Verbindungen seit dem Serverstart</numerusform>
        </translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>deaktiviert</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>pausiert</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>verbunden</translation>
    </message>
    <message>
        <source>reconnecting</source>
        <translation>verbindet neu</translation>
    </message>
    <message>
        <source>kept</source>
        <translation>behalten</translation>
    </message>
    <message>
        <source>unparsable</source>
        <translation>nicht lesbar</translation>
    </message>
    <message>
        <source>in a drop zone</source>
        <translation>in einer ausgeschlossenen Zone</translation>
    </message>
    <message>
        <source>in no keep zone</source>
        <translation>in keiner behaltenen Zone</translation>
    </message>
    <message>
        <source>dropped RR type</source>
        <translation>ausgeschlossener RR-Typ</translation>
    </message>
    <message>
        <source>sampled out</source>
        <translation>durch Stichprobe ausgelassen</translation>
    </message>
    <message>
        <source>does not match the pcap filter</source>
        <translation>passt nicht zum pcap-Filter</translation>
    </message>
    <message>
        <source>other link type</source>
        <translation>anderer Link-Typ</translation>
    </message>
    <message>
        <source>queue %1</source>
        <translation>Warteschlange %1</translation>
    </message>
    <message>
        <source>every sensor</source>
        <translation>alle Sensoren</translation>
    </message>
    <message numerus="yes">
        <source>%n sensor(s)</source>
        <translation>
            <numerusform>%n Sensor</numerusform>
            <numerusform>%n Sensoren</numerusform>
        </translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
</context>
<context>
    <name>d4::ui::ImportController</name>
    <message>
        <source>An import is already running; cancel it or wait until it finishes.</source>
        <translation>Ein Import läuft bereits; brechen Sie ihn ab oder warten Sie, bis er beendet ist.</translation>
    </message>
    <message>
        <source>Nothing to import.</source>
        <translation>Nichts zu importieren.</translation>
    </message>
</context>
<context>
    <name>d4::ui::ImportDnsModel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Daten</translation>
    </message>
    <message>
        <source>First</source>
        <translation>Erstes</translation>
    </message>
    <message>
        <source>Last</source>
        <translation>Letztes</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Anzahl</translation>
    </message>
</context>
<context>
    <name>d4::ui::ImportPage</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Import files…</source>
        <translation>Dateien importieren…</translation>
    </message>
    <message>
        <source>Drop capture files or folders here (pcap, pcapng, gzip-compressed or not).</source>
        <translation>Capture-Dateien oder Ordner hier ablegen (pcap, pcapng, gzip-komprimiert oder nicht).</translation>
    </message>
    <message>
        <source>Read:</source>
        <translation>Gelesen:</translation>
    </message>
    <message>
        <source>Packets:</source>
        <translation>Pakete:</translation>
    </message>
    <message>
        <source>Progress:</source>
        <translation>Fortschritt:</translation>
    </message>
    <message>
        <source>Rate:</source>
        <translation>Rate:</translation>
    </message>
    <message>
        <source>Elapsed:</source>
        <translation>Verstrichen:</translation>
    </message>
    <message>
        <source>Property</source>
        <translation>Eigenschaft</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Capture properties</source>
        <translation>Capture-Eigenschaften</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Warnungen</translation>
    </message>
    <message>
        <source>Passive DNS</source>
        <translation>Passives DNS</translation>
    </message>
    <message>
        <source>Import captures</source>
        <translation>Captures importieren</translation>
    </message>
    <message>
        <source>Captures (*.pcap *.pcapng *.cap *.gz *.pcap.gz);;All files (*)</source>
        <translation>Captures (*.pcap *.pcapng *.cap *.gz *.pcap.gz);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Starting the import…</source>
        <translation>Import wird gestartet…</translation>
    </message>
    <message numerus="yes">
        <source>Importing %n file(s)…</source>
        <translation>
            <numerusform>%n Datei wird importiert…</numerusform>
            <numerusform>%n Dateien werden importiert…</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>%1 packets/s, %2/s</source>
        <translation>%1 Pakete/s, %2/s</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>File type</source>
        <translation>Dateityp</translation>
    </message>
    <message>
        <source> (gzip-compressed)</source>
        <translation> (gzip-komprimiert)</translation>
    </message>
    <message>
        <source>Byte order</source>
        <translation>Byte-Reihenfolge</translation>
    </message>
    <message>
        <source>big-endian</source>
        <translation>Big-Endian</translation>
    </message>
    <message>
        <source>little-endian</source>
        <translation>Little-Endian</translation>
    </message>
    <message>
        <source>Time precision</source>
        <translation>Zeitgenauigkeit</translation>
    </message>
    <message>
        <source>Link types</source>
        <translation>Link-Typen</translation>
    </message>
    <message>
        <source>Interfaces</source>
        <translation>Schnittstellen</translation>
    </message>
    <message>
        <source>Packets</source>
        <translation>Pakete</translation>
    </message>
    <message>
        <source>File size</source>
        <translation>Dateigröße</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 Bytes</translation>
    </message>
    <message>
        <source>First packet</source>
        <translation>Erstes Paket</translation>
    </message>
    <message>
        <source>Last packet</source>
        <translation>Letztes Paket</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>cancelled (partial)</source>
        <translation>abgebrochen (unvollständig)</translation>
    </message>
</context>
<context>
    <name>d4::ui::LogPage</name>
    <message>
        <source>Debug and above</source>
        <translation>Debug und höher</translation>
    </message>
    <message>
        <source>Info and above</source>
        <translation>Info und höher</translation>
    </message>
    <message>
        <source>Warnings and above</source>
        <translation>Warnungen und höher</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>Kritisch</translation>
    </message>
    <message>
        <source>category filter, e.g. d4.ingest</source>
        <translation>Kategoriefilter, z. B. d4.ingest</translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation>&amp;Leeren</translation>
    </message>
    <message>
        <source>Level:</source>
        <translation>Stufe:</translation>
    </message>
</context>
<context>
    <name>d4::ui::MainWindow</name>
    <message>
        <source>D4 Console</source>
        <translation>D4-Konsole</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About D4 Console</source>
        <translation>&amp;Über die D4-Konsole</translation>
    </message>
    <message>
        <source>About D4 Console</source>
        <translation>Über die D4-Konsole</translation>
    </message>
    <message>
        <source>&lt;b&gt;D4 Console&lt;/b&gt; %1&lt;br&gt;A management console and ingest server for D4 sensor networks.&lt;br&gt;Licensed under the GNU AGPL, version 3 or later.</source>
        <translation>&lt;b&gt;D4-Konsole&lt;/b&gt; %1&lt;br&gt;Eine Verwaltungskonsole und ein Ingest-Server für D4-Sensornetze.&lt;br&gt;Lizenziert unter der GNU AGPL, Version 3 oder später.</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Seiten</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <source>%1 (Ctrl+%2)</source>
        <translation>%1 (Strg+%2)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Pages</source>
        <translation>&amp;Seiten</translation>
    </message>
    <message>
        <source>&amp;Import Captures…</source>
        <translation>Captures &amp;importieren…</translation>
    </message>
</context>
<context>
    <name>d4::ui::QueueDialog</name>
    <message>
        <source>Edit analyzer queue</source>
        <translation>Analyzer-Warteschlange bearbeiten</translation>
    </message>
    <message>
        <source>Add analyzer queue</source>
        <translation>Analyzer-Warteschlange hinzufügen</translation>
    </message>
    <message>
        <source>Analyzer &amp;type:</source>
        <translation>Analyzer-&amp;Typ:</translation>
    </message>
    <message>
        <source>&amp;Meta type name:</source>
        <translation>Name des &amp;Metatyps:</translation>
    </message>
    <message>
        <source>optional: a new random UUID</source>
        <translation>optional: eine neue zufällige UUID</translation>
    </message>
    <message>
        <source>&amp;Random</source>
        <translation>&amp;Zufällig</translation>
    </message>
    <message>
        <source>Queue &amp;UUID:</source>
        <translation>&amp;UUID der Warteschlange:</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Beschreibung:</translation>
    </message>
    <message>
        <source>one sensor UUID per line; empty = every sensor</source>
        <translation>eine Sensor-UUID pro Zeile; leer = alle Sensoren</translation>
    </message>
    <message>
        <source>&amp;Sensor group:</source>
        <translation>&amp;Sensorgruppe:</translation>
    </message>
    <message>
        <source>Invalid sensor UUID: %1</source>
        <translation>Ungültige Sensor-UUID: %1</translation>
    </message>
    <message>
        <source>Type 2 and 254 queues need the meta type name.</source>
        <translation>Warteschlangen der Typen 2 und 254 benötigen den Namen des Metatyps.</translation>
    </message>
    <message>
        <source>The queue UUID is not a UUID.</source>
        <translation>Die UUID der Warteschlange ist keine UUID.</translation>
    </message>
</context>
<context>
    <name>d4::ui::QueueTableModel</name>
    <message>
        <source>group (%1)</source>
        <translation>Gruppe (%1)</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nie</translation>
    </message>
    <message>
        <source>%1 (default)</source>
        <translation>%1 (Standard)</translation>
    </message>
    <message>
        <source>near max size</source>
        <translation>nahe der Maximalgröße</translation>
    </message>
    <message>
        <source>not consumed</source>
        <translation>nicht abgeholt</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <source>Queue UUID</source>
        <translation>UUID der Warteschlange</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Last updated</source>
        <translation>Zuletzt aktualisiert</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Länge</translation>
    </message>
    <message>
        <source>Max size</source>
        <translation>Max. Größe</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>≈ %1/s</source>
        <translation>≈ %1/s</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <source>Net change: −%1/s</source>
        <translation>Nettoänderung: −%1/s</translation>
    </message>
    <message>
        <source>Net change: +%1/s</source>
        <translation>Nettoänderung: +%1/s</translation>
    </message>
    <message>
        <source>Estimate: how fast the length went down. The server&apos;s workers do not count what they push (a d4-core server), so a queue that is filled while it is consumed shows less than its consumers take.</source>
        <translation>Schätzung: wie schnell die Länge gesunken ist. Die Worker des Servers zählen nicht, was sie einreihen (ein d4-core-Server); eine Warteschlange, die gefüllt wird, während sie verbraucht wird, zeigt daher weniger an, als ihre Verbraucher entnehmen.</translation>
    </message>
    <message>
        <source>Entries consumers took per second over the last seconds: entries pushed, minus the growth of the length, minus the entries dropped beyond the maximum size or flushed (%1 dropped in all).</source>
        <translation>Von Verbrauchern pro Sekunde entnommene Einträge in den letzten Sekunden: eingereihte Einträge, minus das Wachstum der Länge, minus die über die maximale Größe hinaus verworfenen oder geleerten Einträge (insgesamt %1 verworfen).</translation>
    </message>
    <message>
        <source>Consumed</source>
        <translation>Verbraucht</translation>
    </message>
</context>
<context>
    <name>d4::ui::RemoteQueueBox</name>
    <message>
        <source>Remote analyzer queue</source>
        <translation>Entfernte Analyzer-Warteschlange</translation>
    </message>
    <message>
        <source>Passive DNS lines taken from another D4 server&apos;s analyzer queue ([Passive_DNS_Queue] in server.conf).</source>
        <translation>Passive-DNS-Zeilen aus der Analyzer-Warteschlange eines anderen D4-Servers ([Passive_DNS_Queue] in server.conf).</translation>
    </message>
    <message>
        <source>Queue:</source>
        <translation>Warteschlange:</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>Zustand:</translation>
    </message>
    <message>
        <source>Lines consumed:</source>
        <translation>Gelesene Zeilen:</translation>
    </message>
    <message>
        <source>Rate:</source>
        <translation>Rate:</translation>
    </message>
    <message>
        <source>Batches:</source>
        <translation>Stapel:</translation>
    </message>
    <message>
        <source>In flight:</source>
        <translation>In Bearbeitung:</translation>
    </message>
    <message>
        <source>Rejected:</source>
        <translation>Abgewiesen:</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 auf %2</translation>
    </message>
    <message>
        <source>Lines taken from the remote queue and not yet stored; until they are, they stay in %1 on the remote Redis.</source>
        <translation>Aus der entfernten Warteschlange genommene, noch nicht gespeicherte Zeilen; bis dahin bleiben sie in %1 auf dem entfernten Redis.</translation>
    </message>
    <message>
        <source>empty line</source>
        <translation>leere Zeile</translation>
    </message>
    <message>
        <source>too few fields</source>
        <translation>zu wenige Felder</translation>
    </message>
    <message>
        <source>too many fields</source>
        <translation>zu viele Felder</translation>
    </message>
    <message>
        <source>bad timestamp</source>
        <translation>ungültiger Zeitstempel</translation>
    </message>
    <message>
        <source>empty name</source>
        <translation>leerer Name</translation>
    </message>
    <message>
        <source>bad type</source>
        <translation>ungültiger Typ</translation>
    </message>
    <message>
        <source>bad number</source>
        <translation>ungültige Zahl</translation>
    </message>
    <message>
        <source>bad JSON</source>
        <translation>ungültiges JSON</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Gestoppt</translation>
    </message>
    <message numerus="yes">
        <source>Connected (%n reconnection(s))</source>
        <translation>
            <numerusform>Verbunden (%n Wiederverbindung(en))</numerusform>
            <numerusform>Verbunden (%n Wiederverbindung(en))</numerusform>
        </translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Verbunden</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbindung wird hergestellt…</translation>
    </message>
    <message numerus="yes">
        <source>Retrying (%n failure(s)): %1</source>
        <translation>
            <numerusform>Neuer Versuch (%n Fehler): %1</numerusform>
            <numerusform>Neuer Versuch (%n Fehler): %1</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1; %2 excluded</source>
        <translation>%1; %2 ausgeschlossen</translation>
    </message>
    <message>
        <source>Last error at %1: %2</source>
        <translation>Letzter Fehler am %1: %2</translation>
    </message>
    <message>
        <source>Lines stored from the remote queue since start. Of these, %1 were recovered from the in-flight list after a reconnection; %2 more were found there already stored and were not stored again.</source>
        <translation>Seit dem Start aus der entfernten Warteschlange gespeicherte Zeilen. Davon wurden %1 nach einer Wiederverbindung aus der Liste der Zeilen in Bearbeitung wiederhergestellt; %2 weitere waren dort schon gespeichert und wurden nicht erneut gespeichert.</translation>
    </message>
    <message>
        <source>Lines the analyzer could not parse, by reason (they are not stored), and lines skipped by the exclude list.</source>
        <translation>Zeilen, die der Analyzer nicht lesen konnte, nach Grund (sie werden nicht gespeichert), und von der Ausschlussliste übersprungene Zeilen.</translation>
    </message>
    <message>
        <source>%1 lines/s</source>
        <translation>%1 Zeilen/s</translation>
    </message>
</context>
<context>
    <name>d4::ui::SensorPage</name>
    <message>
        <source>No sensor selected: double-click one on the Sensors page.</source>
        <translation>Kein Sensor ausgewählt: Doppelklicken Sie auf der Seite „Sensoren“ auf einen Sensor.</translation>
    </message>
    <message>
        <source>First seen</source>
        <translation>Zuerst gesehen</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Zuletzt gesehen</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Last IPs used</source>
        <translation>Zuletzt verwendete IPs</translation>
    </message>
    <message>
        <source>Type directory</source>
        <translation>Typverzeichnis</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Dateien</translation>
    </message>
    <message>
        <source>Size (bytes)</source>
        <translation>Größe (Bytes)</translation>
    </message>
    <message>
        <source>Packets per type, last 7 days</source>
        <translation>Pakete pro Typ, letzte 7 Tage</translation>
    </message>
    <message>
        <source>packets</source>
        <translation>Pakete</translation>
    </message>
    <message>
        <source>Files saved per type, last 7 days</source>
        <translation>Gespeicherte Dateien pro Typ, letzte 7 Tage</translation>
    </message>
    <message>
        <source>files</source>
        <translation>Dateien</translation>
    </message>
    <message>
        <source>Manage</source>
        <translation>Verwalten</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Change description</source>
        <translation>Beschreibung ändern</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Beschreibung:</translation>
    </message>
    <message>
        <source>comma-separated, e.g. dmz, lab</source>
        <translation>durch Kommas getrennt, z. B. dmz, labor</translation>
    </message>
    <message>
        <source>Change name and tags</source>
        <translation>Name und Schlagwörter ändern</translation>
    </message>
    <message>
        <source>Tags:</source>
        <translation>Schlagwörter:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Kick</source>
        <translation>&amp;Trennen</translation>
    </message>
    <message>
        <source>Close the sensor&apos;s connections; it cannot reconnect for 30 s</source>
        <translation>Die Verbindungen des Sensors schließen; er kann sich 30 s lang nicht neu verbinden</translation>
    </message>
    <message>
        <source>Kick</source>
        <translation>Trennen</translation>
    </message>
    <message>
        <source>Clear statistics…</source>
        <translation>Statistik löschen…</translation>
    </message>
    <message>
        <source>Clear statistics</source>
        <translation>Statistik löschen</translation>
    </message>
    <message>
        <source>Delete every daily statistic of this sensor? Files and streams are kept.</source>
        <translation>Alle Tagesstatistiken dieses Sensors löschen? Dateien und Streams bleiben erhalten.</translation>
    </message>
    <message>
        <source>Connection:</source>
        <translation>Verbindung:</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>&amp;Monitor</source>
        <translation>Ü&amp;berwachen</translation>
    </message>
    <message>
        <source>Stop monitoring</source>
        <translation>Überwachung beenden</translation>
    </message>
    <message>
        <source>Monitor sensor</source>
        <translation>Sensor überwachen</translation>
    </message>
    <message>
        <source>Maximum silence:</source>
        <translation>Maximale Stille:</translation>
    </message>
    <message>
        <source>Set</source>
        <translation>Setzen</translation>
    </message>
    <message>
        <source>Change stream max size</source>
        <translation>Maximale Stream-Größe ändern</translation>
    </message>
    <message>
        <source>Stream max size:</source>
        <translation>Maximale Stream-Größe:</translation>
    </message>
    <message>
        <source>Blacklist UUID</source>
        <translation>UUID sperren</translation>
    </message>
    <message>
        <source>Unblacklist UUID</source>
        <translation>UUID entsperren</translation>
    </message>
    <message>
        <source>Blacklist IPs using this UUID</source>
        <translation>IPs sperren, die diese UUID verwenden</translation>
    </message>
    <message>
        <source>Blacklist IPs of UUID</source>
        <translation>IPs der UUID sperren</translation>
    </message>
    <message>
        <source>Unblacklist IPs of UUID</source>
        <translation>IPs der UUID entsperren</translation>
    </message>
    <message>
        <source>Blacklist:</source>
        <translation>Sperrliste:</translation>
    </message>
    <message>
        <source>Change key</source>
        <translation>Schlüssel ändern</translation>
    </message>
    <message>
        <source>Change HMAC key</source>
        <translation>HMAC-Schlüssel ändern</translation>
    </message>
    <message>
        <source>This key contains &amp; &lt; &gt; &quot; &apos; or an HTML entity such as &amp;amp;amp;. d4-core&apos;s web UI and registration API HTML-escape keys, so a sensor configured through them may hold a different key. The key is used exactly as stored here.</source>
        <translation>Dieser Schlüssel enthält &amp; &lt; &gt; &quot; &apos; oder eine HTML-Entität wie &amp;amp;amp;. Die Weboberfläche und die Registrierungs-API von d4-core maskieren Schlüssel für HTML, daher kann ein darüber konfigurierter Sensor einen anderen Schlüssel haben. Der Schlüssel wird genau so verwendet, wie er hier gespeichert ist.</translation>
    </message>
    <message>
        <source>HMAC &amp;key:</source>
        <translation>HMAC-&amp;Schlüssel:</translation>
    </message>
    <message>
        <source>
Connected</source>
        <translation>
Verbunden</translation>
    </message>
    <message>
        <source>
Monitored: SILENT</source>
        <translation>
Überwacht: STILL</translation>
    </message>
    <message>
        <source>
Monitored</source>
        <translation>
Überwacht</translation>
    </message>
    <message>
        <source>default key</source>
        <translation>Standardschlüssel</translation>
    </message>
    <message>
        <source>No key of its own: the server&apos;s default key is used</source>
        <translation>Kein eigener Schlüssel: Der Standardschlüssel des Servers wird verwendet</translation>
    </message>
    <message>
        <source>The sensor&apos;s own key</source>
        <translation>Der eigene Schlüssel des Sensors</translation>
    </message>
    <message>
        <source>Kicked less than 30 s ago</source>
        <translation>Vor weniger als 30 s getrennt</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Ändern</translation>
    </message>
    <message>
        <source>Unblacklist IPs using this UUID</source>
        <translation>IPs entsperren, die diese UUID verwenden</translation>
    </message>
    <message>
        <source> (connected)</source>
        <translation> (verbunden)</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
</context>
<context>
    <name>d4::ui::SensorTableModel</name>
    <message>
        <source>, Connected</source>
        <translation>, verbunden</translation>
    </message>
    <message>
        <source>, Silent</source>
        <translation>, still</translation>
    </message>
    <message>
        <source>extended type %1</source>
        <translation>erweiterter Typ %1</translation>
    </message>
    <message>
        <source>● = connected now</source>
        <translation>● = jetzt verbunden</translation>
    </message>
    <message>
        <source>UUID</source>
        <translation>UUID</translation>
    </message>
    <message>
        <source>Name / description</source>
        <translation>Name / Beschreibung</translation>
    </message>
    <message>
        <source>First seen</source>
        <translation>Zuerst gesehen</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Zuletzt gesehen</translation>
    </message>
    <message>
        <source>Types</source>
        <translation>Typen</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Packets today</source>
        <translation>Pakete heute</translation>
    </message>
</context>
<context>
    <name>d4::ui::SensorsPage</name>
    <message>
        <source>Search UUID, name, description or tag; Enter on a UUID opens it</source>
        <translation>UUID, Name, Beschreibung oder Schlagwort suchen; Eingabe auf einer UUID öffnet sie</translation>
    </message>
    <message>
        <source>&amp;Connected only</source>
        <translation>Nur &amp;verbundene</translation>
    </message>
    <message>
        <source>%1 of %2 sensors</source>
        <translation>%1 von %2 Sensoren</translation>
    </message>
</context>
<context>
    <name>d4::ui::ServerPage</name>
    <message>
        <source>D4 server mode:</source>
        <translation>D4-Servermodus:</translation>
    </message>
    <message>
        <source>&amp;Registered and pending sensors</source>
        <translation>&amp;Registrierte und ausstehende Sensoren</translation>
    </message>
    <message>
        <source>&amp;IP blacklist</source>
        <translation>&amp;IP-Sperrliste</translation>
    </message>
    <message>
        <source>&amp;UUID blacklist</source>
        <translation>&amp;UUID-Sperrliste</translation>
    </message>
    <message>
        <source>Accepted &amp;types</source>
        <translation>Akzeptierte &amp;Typen</translation>
    </message>
    <message>
        <source>&amp;Analyzer queues</source>
        <translation>&amp;Analyzer-Warteschlangen</translation>
    </message>
    <message>
        <source>Registered sensors</source>
        <translation>Registrierte Sensoren</translation>
    </message>
    <message>
        <source>UUID</source>
        <translation>UUID</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>First seen</source>
        <translation>Zuerst gesehen</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Zuletzt gesehen</translation>
    </message>
    <message>
        <source>&amp;Delete registration</source>
        <translation>Registrierung &amp;löschen</translation>
    </message>
    <message>
        <source>Delete registered sensor</source>
        <translation>Registrierten Sensor löschen</translation>
    </message>
    <message>
        <source>Pending sensors</source>
        <translation>Ausstehende Sensoren</translation>
    </message>
    <message>
        <source>Mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation>&amp;Genehmigen</translation>
    </message>
    <message>
        <source>De&amp;lete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>Approve sensor</source>
        <translation>Sensor genehmigen</translation>
    </message>
    <message>
        <source>Delete pending sensor</source>
        <translation>Ausstehenden Sensor löschen</translation>
    </message>
    <message>
        <source>Approve new sensor UUID</source>
        <translation>Neue Sensor-UUID genehmigen</translation>
    </message>
    <message>
        <source>IP or CIDR, e.g. 192.0.2.7 or 198.51.100.0/24</source>
        <translation>IP oder CIDR, z. B. 192.0.2.7 oder 198.51.100.0/24</translation>
    </message>
    <message>
        <source>Sensor UUID</source>
        <translation>Sensor-UUID</translation>
    </message>
    <message>
        <source>&amp;Blacklist</source>
        <translation>&amp;Sperren</translation>
    </message>
    <message>
        <source>&amp;Unblacklist</source>
        <translation>&amp;Entsperren</translation>
    </message>
    <message>
        <source>Blacklist a range</source>
        <translation>Einen Bereich sperren</translation>
    </message>
    <message>
        <source>%1 covers %2 addresses; each is stored as one entry. Continue?</source>
        <translation>%1 umfasst %2 Adressen; jede wird als eigener Eintrag gespeichert. Fortfahren?</translation>
    </message>
    <message>
        <source>Blacklist IP</source>
        <translation>IP sperren</translation>
    </message>
    <message>
        <source>Unblacklist IP</source>
        <translation>IP entsperren</translation>
    </message>
    <message>
        <source>Blacklist UUID</source>
        <translation>UUID sperren</translation>
    </message>
    <message>
        <source>Unblacklist UUID</source>
        <translation>UUID entsperren</translation>
    </message>
    <message>
        <source>IP</source>
        <translation>IP</translation>
    </message>
    <message>
        <source>Blacklisted IP</source>
        <translation>Gesperrte IP</translation>
    </message>
    <message>
        <source>Blacklisted UUID</source>
        <translation>Gesperrte UUID</translation>
    </message>
    <message>
        <source>◀ Previous</source>
        <translation>◀ Zurück</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>Weiter ▶</translation>
    </message>
    <message>
        <source>Remove selected</source>
        <translation>Auswahl entfernen</translation>
    </message>
    <message>
        <source>page %1 of %2 (%3 entries)</source>
        <translation>Seite %1 von %2 (%3 Einträge)</translation>
    </message>
    <message>
        <source>Accepted types</source>
        <translation>Akzeptierte Typen</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Remove type</source>
        <translation>Typ entfernen</translation>
    </message>
    <message>
        <source>Remove accepted type</source>
        <translation>Akzeptierten Typ entfernen</translation>
    </message>
    <message>
        <source>Accepted extended types</source>
        <translation>Akzeptierte erweiterte Typen</translation>
    </message>
    <message>
        <source>Extended type</source>
        <translation>Erweiterter Typ</translation>
    </message>
    <message>
        <source>Remove extended type</source>
        <translation>Erweiterten Typ entfernen</translation>
    </message>
    <message>
        <source>Add a type</source>
        <translation>Einen Typ hinzufügen</translation>
    </message>
    <message>
        <source>name, for 254</source>
        <translation>Name, für 254</translation>
    </message>
    <message>
        <source>&amp;Add type</source>
        <translation>Typ &amp;hinzufügen</translation>
    </message>
    <message>
        <source>Add accepted type</source>
        <translation>Akzeptierten Typ hinzufügen</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>Typ:</translation>
    </message>
    <message>
        <source>Extended type name:</source>
        <translation>Name des erweiterten Typs:</translation>
    </message>
    <message>
        <source>d4-core re-adds its default types and ja3-jl at every start.</source>
        <translation>d4-core fügt seine Standardtypen und ja3-jl bei jedem Start wieder hinzu.</translation>
    </message>
    <message>
        <source>Add &amp;new queue…</source>
        <translation>&amp;Neue Warteschlange hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>&amp;Flush</source>
        <translation>&amp;Leeren</translation>
    </message>
    <message>
        <source>Change &amp;max size</source>
        <translation>&amp;Maximalgröße ändern</translation>
    </message>
    <message>
        <source>line length </source>
        <translation>Zeilenlänge </translation>
    </message>
    <message>
        <source>&amp;Sample…</source>
        <translation>&amp;Stichprobe…</translation>
    </message>
    <message>
        <source>Delete queue</source>
        <translation>Warteschlange löschen</translation>
    </message>
    <message>
        <source>Delete queue %1 and its entries?</source>
        <translation>Warteschlange %1 und ihre Einträge löschen?</translation>
    </message>
    <message>
        <source>Flush queue</source>
        <translation>Warteschlange leeren</translation>
    </message>
    <message>
        <source>Change queue max size</source>
        <translation>Maximalgröße der Warteschlange ändern</translation>
    </message>
    <message>
        <source>Create queue</source>
        <translation>Warteschlange anlegen</translation>
    </message>
    <message>
        <source>Edit queue</source>
        <translation>Warteschlange bearbeiten</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source> (no built-in worker)</source>
        <translation> (kein eingebauter Worker)</translation>
    </message>
</context>
<context>
    <name>d4::ui::SettingsDialog</name>
    <message>
        <source>Welcome to D4 Console</source>
        <translation>Willkommen bei der D4-Konsole</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Run a D4 server inside the console (ingest, workers and its own redis-server), or attach to the Redis of a running server, such as a d4-core deployment.</source>
        <translation>Einen D4-Server in der Konsole betreiben (Ingest, Worker und ein eigener redis-server) oder sich an das Redis eines laufenden Servers anbinden, etwa einer d4-core-Installation.</translation>
    </message>
    <message>
        <source>&amp;Embedded server (recommended)</source>
        <translation>&amp;Eingebetteter Server (empfohlen)</translation>
    </message>
    <message>
        <source>&amp;Attach to an existing server&apos;s Redis</source>
        <translation>An das Redis eines bestehenden Servers &amp;anbinden</translation>
    </message>
    <message>
        <source>Embedded server</source>
        <translation>Eingebetteter Server</translation>
    </message>
    <message>
        <source>optional server.conf; replaces the fields below</source>
        <translation>optionale server.conf; ersetzt die Felder unten</translation>
    </message>
    <message>
        <source>server.conf:</source>
        <translation>server.conf:</translation>
    </message>
    <message>
        <source>default: the user&apos;s data location</source>
        <translation>Standard: der Datenordner des Benutzers</translation>
    </message>
    <message>
        <source>Data directory:</source>
        <translation>Datenverzeichnis:</translation>
    </message>
    <message>
        <source>TLS port:</source>
        <translation>TLS-Port:</translation>
    </message>
    <message>
        <source>registration</source>
        <translation>Registrierung</translation>
    </message>
    <message>
        <source>shared-secret</source>
        <translation>gemeinsames Geheimnis</translation>
    </message>
    <message>
        <source>Mode:</source>
        <translation>Modus:</translation>
    </message>
    <message>
        <source>Default HMAC key:</source>
        <translation>Standard-HMAC-Schlüssel:</translation>
    </message>
    <message>
        <source>generated when empty (ECDSA P-256)</source>
        <translation>wird erzeugt, wenn leer (ECDSA P-256)</translation>
    </message>
    <message>
        <source>TLS certificate:</source>
        <translation>TLS-Zertifikat:</translation>
    </message>
    <message>
        <source>TLS private key:</source>
        <translation>Privater TLS-Schlüssel:</translation>
    </message>
    <message>
        <source>Attach to Redis (host:port/db or unix:/path/db)</source>
        <translation>An Redis anbinden (Host:Port/DB oder unix:/Pfad/DB)</translation>
    </message>
    <message>
        <source>METADATA:</source>
        <translation>METADATA:</translation>
    </message>
    <message>
        <source>STREAM:</source>
        <translation>STREAM:</translation>
    </message>
    <message>
        <source>ANALYZER:</source>
        <translation>ANALYZER:</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>Server mode:</source>
        <translation>Servermodus:</translation>
    </message>
    <message>
        <source>Interface</source>
        <translation>Oberfläche</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Systemstandard</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Sprache:</translation>
    </message>
    <message>
        <source>A language change takes effect after a restart.</source>
        <translation>Eine Sprachänderung wird nach einem Neustart wirksam.</translation>
    </message>
    <message>
        <source>&amp;Dark palette</source>
        <translation>&amp;Dunkle Farbpalette</translation>
    </message>
    <message>
        <source>Connection and server changes take effect after a restart.</source>
        <translation>Verbindungs- und Serveränderungen werden nach einem Neustart wirksam.</translation>
    </message>
    <message>
        <source>optional: the server&apos;s passive DNS store</source>
        <translation>optional: der Passive-DNS-Speicher des Servers</translation>
    </message>
    <message>
        <source>The [Redis_PDNS] endpoint of the attached server (its managed Redis: database 3). When set, the Passive DNS page searches that store and charts its counters.</source>
        <translation>Der [Redis_PDNS]-Endpunkt des verbundenen Servers (sein verwaltetes Redis: Datenbank 3). Ist er gesetzt, durchsucht die Seite Passive DNS diesen Speicher und zeigt seine Zähler.</translation>
    </message>
    <message>
        <source>PDNS:</source>
        <translation>PDNS:</translation>
    </message>
</context>
<context>
    <name>d4::ui::ThroughputChart</name>
    <message>
        <source>Ingest throughput</source>
        <translation>Ingest-Durchsatz</translation>
    </message>
    <message>
        <source>packets/s</source>
        <translation>Pakete/s</translation>
    </message>
    <message>
        <source>MB/s</source>
        <translation>MB/s</translation>
    </message>
</context>
<context>
    <name>d4::ui::TrayAlertNotifier</name>
    <message>
        <source>D4 Console</source>
        <translation>D4 Console</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>D4 sensor-network ingest server (headless).

Without --config it listens on port 4443 in registration mode and runs its own
redis-server under the data directory. See docs/configuration.md for every key.

Exit codes: 0 stopped cleanly, 1 runtime error (Redis, TLS, port),
2 invalid command line or configuration file.</source>
        <translation>Ingest-Server des D4-Sensornetzes (ohne grafische Oberfläche).

Ohne --config lauscht er im Registrierungsmodus auf Port 4443 und startet einen eigenen
redis-server im Datenverzeichnis. Alle Schlüssel beschreibt docs/configuration.md.

Exit-Codes: 0 sauber beendet, 1 Laufzeitfehler (Redis, TLS, Port),
2 ungültige Befehlszeile oder Konfigurationsdatei.</translation>
    </message>
    <message>
        <source>Read the server configuration from &lt;file&gt; (server.conf format).</source>
        <translation>Die Serverkonfiguration aus &lt;Datei&gt; lesen (server.conf-Format).</translation>
    </message>
    <message>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Listen on &lt;port&gt; instead of server_port (0 picks a free port).</source>
        <translation>Auf &lt;Port&gt; statt auf server_port lauschen (0 wählt einen freien Port).</translation>
    </message>
    <message>
        <source>port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Use &lt;dir&gt; as data_directory.</source>
        <translation>&lt;Verzeichnis&gt; als data_directory verwenden.</translation>
    </message>
    <message>
        <source>dir</source>
        <translation>Verzeichnis</translation>
    </message>
    <message>
        <source>Log debug messages.</source>
        <translation>Debug-Meldungen protokollieren.</translation>
    </message>
    <message>
        <source>Run the embedded server from &lt;file&gt; (server.conf format, as d4-server).</source>
        <translation>Den eingebetteten Server mit &lt;Datei&gt; betreiben (server.conf-Format, wie d4-server).</translation>
    </message>
    <message>
        <source>Attach to the Redis endpoints of the settings instead of running a server.</source>
        <translation>An die Redis-Endpunkte aus den Einstellungen anbinden, statt einen Server zu betreiben.</translation>
    </message>
    <message>
        <source>Run the embedded server even when the settings say attach.</source>
        <translation>Den eingebetteten Server auch dann betreiben, wenn die Einstellungen Anbinden vorsehen.</translation>
    </message>
    <message>
        <source>Embedded server: listen on &lt;port&gt;.</source>
        <translation>Eingebetteter Server: auf &lt;Port&gt; lauschen.</translation>
    </message>
    <message>
        <source>Embedded server: use &lt;dir&gt; as data directory.</source>
        <translation>Eingebetteter Server: &lt;Verzeichnis&gt; als Datenverzeichnis verwenden.</translation>
    </message>
    <message>
        <source>Show the settings dialog before starting.</source>
        <translation>Vor dem Start den Einstellungsdialog anzeigen.</translation>
    </message>
    <message>
        <source>D4 Console: manage a D4 sensor network and analyse its data.

Without options it runs the D4 server in-process (port 4443, registration mode, its own
redis-server under the data directory), or attaches to existing Redis endpoints when the
settings say so (chosen in the first-run dialog, File &gt; Settings).

Exit codes: 0 success, 1 runtime error, 2 invalid command line or configuration.</source>
        <translation>D4-Konsole: ein D4-Sensornetz verwalten und seine Daten analysieren.

Ohne Optionen betreibt sie den D4-Server im eigenen Prozess (Port 4443, Registrierungsmodus, ein
eigener redis-server im Datenverzeichnis) oder bindet sich an bestehende Redis-Endpunkte an, wenn
die Einstellungen das vorsehen (gewählt im Dialog beim ersten Start, Datei &gt; Einstellungen).

Exit-Codes: 0 Erfolg, 1 Laufzeitfehler, 2 ungültige Befehlszeile oder Konfiguration.</translation>
    </message>
    <message>
        <source>attached to %1</source>
        <translation>angebunden an %1</translation>
    </message>
    <message>
        <source>--port: not a port number</source>
        <translation>--port: keine Portnummer</translation>
    </message>
    <message>
        <source>The embedded server did not start: %1

Check File &gt; Settings or run with --attach.</source>
        <translation>Der eingebettete Server ist nicht gestartet: %1

Prüfen Sie Datei &gt; Einstellungen oder starten Sie mit --attach.</translation>
    </message>
    <message>
        <source>embedded server on port %1</source>
        <translation>eingebetteter Server auf Port %1</translation>
    </message>
    <message>
        <source>Passive DNS</source>
        <translation>Passives DNS</translation>
    </message>
    <message>
        <source>Backscatter</source>
        <translation>Backscatter</translation>
    </message>
    <message>
        <source>Capture files or folders to import (pcap, pcapng, gzip).</source>
        <translation>Zu importierende Capture-Dateien oder Ordner (pcap, pcapng, gzip).</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
    <message>
        <source>Import captures</source>
        <translation>Captures importieren</translation>
    </message>
    <message>
        <source>Captures (*.pcap *.pcapng *.cap *.gz);;All files (*)</source>
        <translation>Captures (*.pcap *.pcapng *.cap *.gz);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Sharing</source>
        <translation>Teilen</translation>
    </message>
</context>
</TS>
