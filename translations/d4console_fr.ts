<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>ForwardPreviewRunner</name>
    <message>
        <source>The rule&apos;s pcap filter does not compile: %1</source>
        <translation>Le filtre pcap de la règle ne compile pas : %1</translation>
    </message>
    <message>
        <source>Cannot read %1 as a capture file.</source>
        <translation>Impossible de lire %1 comme fichier de capture.</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 octets</translation>
    </message>
    <message>
        <source>%1 of %2 bytes</source>
        <translation>%1 octets sur %2</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(vide)</translation>
    </message>
</context>
<context>
    <name>d4::app</name>
    <message>
        <source>The subcommand.</source>
        <translation>La sous-commande.</translation>
    </message>
    <message>
        <source>Capture files.</source>
        <translation>Fichiers de capture.</translation>
    </message>
    <message>
        <source>Print one JSON document instead of text.</source>
        <translation>Afficher un document JSON au lieu de texte.</translation>
    </message>
    <message>
        <source>A monitored IPv4 prefix (repeatable), for estimated attack rates.</source>
        <translation>Un préfixe IPv4 surveillé (répétable), pour estimer les débits d’attaque.</translation>
    </message>
    <message>
        <source>cidr</source>
        <translation>cidr</translation>
    </message>
    <message>
        <source>Thresholds: corsaro (default), moore, sensitive.</source>
        <translation>Seuils : corsaro (par défaut), moore, sensitive.</translation>
    </message>
    <message>
        <source>name</source>
        <translation>nom</translation>
    </message>
    <message>
        <source>Attack: at least &lt;n&gt; packets.</source>
        <translation>Attaque : au moins &lt;n&gt; paquets.</translation>
    </message>
    <message>
        <source>n</source>
        <translation>n</translation>
    </message>
    <message>
        <source>Attack: lasting at least &lt;s&gt; seconds.</source>
        <translation>Attaque : durée d’au moins &lt;s&gt; secondes.</translation>
    </message>
    <message>
        <source>s</source>
        <translation>s</translation>
    </message>
    <message>
        <source>Count UDP from port 53 as backscatter.</source>
        <translation>Compter l’UDP venant du port 53 comme du backscatter.</translation>
    </message>
    <message>
        <source>Also reproduce analyzer-d4-pibs&apos;s output.</source>
        <translation>Reproduire aussi la sortie d’analyzer-d4-pibs.</translation>
    </message>
    <message>
        <source>Write PIBS&apos;s CSV lines to &lt;file&gt;.</source>
        <translation>Écrire les lignes CSV de PIBS dans &lt;fichier&gt;.</translation>
    </message>
    <message>
        <source>file</source>
        <translation>fichier</translation>
    </message>
    <message>
        <source>no capture file given</source>
        <translation>aucun fichier de capture indiqué</translation>
    </message>
    <message>
        <source>unknown preset &apos;%1&apos;</source>
        <translation>préréglage « %1 » inconnu</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a number</source>
        <translation>« %1 » n’est pas un nombre</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an IPv4 prefix</source>
        <translation>« %1 » n’est pas un préfixe IPv4</translation>
    </message>
    <message>
        <source>cannot read %1</source>
        <translation>impossible de lire %1</translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation>impossible d’écrire %1</translation>
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
        <translation>Analyse des fichiers de capture (pcap, pcapng, compressés gzip ou non) comme capinfos, plus l&apos;inférence
d&apos;attaques DDoS par backscatter (seuils Corsaro par défaut) et les enregistrements DNS passif des
réponses DNS (« passive_dns » en JSON). Les fichiers sont traités dans l&apos;ordre de leur premier paquet.

Chaque attaque conserve des paquets de preuve (ses premiers et ses plus récents paquets de backscatter) ;
--evidence-dir les écrit dans un pcap par attaque, nommé victime-protocole-début.pcap, et
le rapport nomme les fichiers.

Codes de sortie : 0 tous les fichiers lus (avertissements permis), 1 un fichier refusé ou un fichier de
preuve impossible à écrire, 2 ligne de commande invalide.</translation>
    </message>
    <message>
        <source>Write each attack&apos;s evidence packets as a pcap into &lt;dir&gt;.</source>
        <translation>Écrire les paquets de preuve de chaque attaque dans un pcap sous &lt;dir&gt;.</translation>
    </message>
    <message>
        <source>dir</source>
        <translation>rép</translation>
    </message>
    <message>
        <source>Evidence: keep the first &lt;n&gt; packets of each attack (default 25; 0 with --evidence-recent 0: none).</source>
        <translation>Preuve : garder les &lt;n&gt; premiers paquets de chaque attaque (25 par défaut ; 0 avec --evidence-recent 0 : aucun).</translation>
    </message>
    <message>
        <source>Evidence: also keep the &lt;n&gt; most recent packets (default 25).</source>
        <translation>Preuve : garder aussi les &lt;n&gt; paquets les plus récents (25 par défaut).</translation>
    </message>
    <message>
        <source>at most %1 evidence packets</source>
        <translation>au plus %1 paquets de preuve</translation>
    </message>
    <message>
        <source>--evidence-dir needs evidence packets</source>
        <translation>--evidence-dir demande des paquets de preuve</translation>
    </message>
    <message>
        <source>Attack: at least &lt;n&gt; packets in one window.</source>
        <translation>Attaque : au moins &lt;n&gt; paquets dans une fenêtre.</translation>
    </message>
    <message>
        <source>The sliding window of --min-window-packets and of the max ppm, in seconds (default 60).</source>
        <translation>La fenêtre glissante de --min-window-packets et du ppm maximal, en secondes (60 par défaut).</translation>
    </message>
    <message>
        <source>How far the window slides, in seconds (default 10).</source>
        <translation>Le pas de glissement de la fenêtre, en secondes (10 par défaut).</translation>
    </message>
    <message>
        <source>--window and --slide are at most %1 seconds</source>
        <translation>--window et --slide valent au plus %1 secondes</translation>
    </message>
</context>
<context>
    <name>d4::backscatter</name>
    <message>
        <source>Not analysed</source>
        <translation>Non analysé</translation>
    </message>
    <message>
        <source>Request (SYN)</source>
        <translation>Requête (SYN)</translation>
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
        <translation>Réponse ICMP</translation>
    </message>
    <message>
        <source>ICMP error</source>
        <translation>Erreur ICMP</translation>
    </message>
    <message>
        <source>UDP response</source>
        <translation>Réponse UDP</translation>
    </message>
    <message>
        <source>Ambiguous</source>
        <translation>Ambigu</translation>
    </message>
    <message>
        <source>ICMP request</source>
        <translation>Requête ICMP</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
    <message>
        <source>Corsaro (25 packets, 60 s, 30/min)</source>
        <translation>Corsaro (25 paquets, 60 s, 30/min)</translation>
    </message>
    <message>
        <source>Moore et al. (100 packets, 60 s)</source>
        <translation>Moore et al. (100 paquets, 60 s)</translation>
    </message>
    <message>
        <source>Small sensor (5 packets, 10 s, 3/min)</source>
        <translation>Petit capteur (5 paquets, 10 s, 3/min)</translation>
    </message>
    <message>
        <source>No monitored prefix configured: attack rates cannot be estimated.</source>
        <translation>Aucun préfixe surveillé n’est configuré : les débits d’attaque ne peuvent pas être estimés.</translation>
    </message>
    <message>
        <source>Only %1 monitored addresses (fewer than a /16): estimated rates are very uncertain.</source>
        <translation>Seulement %1 adresses surveillées (moins qu’un /16) : les débits estimés sont très incertains.</translation>
    </message>
    <message>
        <source>its packets were released when it ended below the thresholds then in force</source>
        <translation>ses paquets ont été libérés quand il s&apos;est terminé sous les seuils alors en vigueur</translation>
    </message>
    <message>
        <source>its packets gave way to newer attacks when the memory budget for evidence was spent</source>
        <translation>ses paquets ont cédé la place à des attaques plus récentes quand le budget mémoire des preuves était épuisé</translation>
    </message>
    <message>
        <source>the memory budget for evidence was spent when its packets came</source>
        <translation>le budget mémoire des preuves était épuisé quand ses paquets sont arrivés</translation>
    </message>
    <message>
        <source>no packets were kept for it (evidence capture off, or the attack was not analysed by this console)</source>
        <translation>aucun paquet n&apos;a été conservé (capture de preuves désactivée, ou attaque non analysée par cette console)</translation>
    </message>
    <message>
        <source>No evidence for %1 %2: %3</source>
        <translation>Aucune preuve pour %1 %2 : %3</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d&apos;écrire %1 : %2</translation>
    </message>
</context>
<context>
    <name>d4::capture</name>
    <message>
        <source>The file is empty.</source>
        <translation>Le fichier est vide.</translation>
    </message>
    <message>
        <source>Not a capture file: no pcap, pcapng or gzip signature at the start.</source>
        <translation>Ce n’est pas un fichier de capture : aucune signature pcap, pcapng ou gzip au début.</translation>
    </message>
    <message>
        <source>The capture ends inside its file header.</source>
        <translation>La capture se termine au milieu de son en-tête de fichier.</translation>
    </message>
    <message>
        <source>Unsupported pcap or pcapng version.</source>
        <translation>Version pcap ou pcapng non prise en charge.</translation>
    </message>
    <message>
        <source>A packet record is larger than allowed.</source>
        <translation>Un enregistrement de paquet dépasse la taille autorisée.</translation>
    </message>
    <message>
        <source>The pcapng section header has no valid byte-order magic.</source>
        <translation>L’en-tête de section pcapng n’a pas de marqueur d’ordre des octets valide.</translation>
    </message>
    <message>
        <source>A pcapng block has an invalid length.</source>
        <translation>Un bloc pcapng a une longueur invalide.</translation>
    </message>
    <message>
        <source>A pcapng block is larger than allowed.</source>
        <translation>Un bloc pcapng dépasse la taille autorisée.</translation>
    </message>
    <message>
        <source>A pcapng interface description block is malformed.</source>
        <translation>Un bloc de description d’interface pcapng est mal formé.</translation>
    </message>
    <message>
        <source>A pcapng packet refers to an undescribed interface.</source>
        <translation>Un paquet pcapng fait référence à une interface non décrite.</translation>
    </message>
    <message>
        <source>A pcapng packet block is malformed.</source>
        <translation>Un bloc de paquet pcapng est mal formé.</translation>
    </message>
    <message>
        <source>The gzip-compressed data is corrupt.</source>
        <translation>Les données compressées gzip sont corrompues.</translation>
    </message>
    <message>
        <source>The capture file was cut short in the middle of a packet: %1 packet(s) read, %2 trailing byte(s) ignored.</source>
        <translation>Le fichier de capture est tronqué au milieu d’un paquet : %1 paquet(s) lu(s), %2 octet(s) restant(s) ignoré(s).</translation>
    </message>
    <message>
        <source>The gzip stream ends before its end marker.</source>
        <translation>Le flux gzip se termine avant son marqueur de fin.</translation>
    </message>
</context>
<context>
    <name>d4::import</name>
    <message>
        <source>%1 is a folder</source>
        <translation>%1 est un dossier</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>%1 ne peut pas être lu : %2</translation>
    </message>
    <message>
        <source>%1 is empty</source>
        <translation>%1 est vide</translation>
    </message>
    <message>
        <source>%1 is not a capture file (pcap, pcapng or gzip)</source>
        <translation>%1 n’est pas un fichier de capture (pcap, pcapng ou gzip)</translation>
    </message>
</context>
<context>
    <name>d4::import::ImportJob</name>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>%1 ne peut pas être lu : %2</translation>
    </message>
    <message>
        <source>%1 is not a readable capture: %2</source>
        <translation>%1 n’est pas une capture lisible : %2</translation>
    </message>
    <message>
        <source>%1: stopped at malformed data after %2 packets: %3</source>
        <translation>%1 : arrêt sur des données mal formées après %2 paquets : %3</translation>
    </message>
    <message>
        <source>Replay stopped: %1</source>
        <translation>Rejeu arrêté : %1</translation>
    </message>
    <message>
        <source>Replay failed: %1</source>
        <translation>Échec du rejeu : %1</translation>
    </message>
    <message>
        <source>Passive DNS store: %1</source>
        <translation>Stockage DNS passif : %1</translation>
    </message>
    <message>
        <source>link type %1: %2 packets</source>
        <translation>type de lien %1 : %2 paquets</translation>
    </message>
    <message>
        <source>Replay: one file per link type, since a pcap file has only one (%1)</source>
        <translation>Rejeu : un fichier par type de lien, car un fichier pcap n&apos;en a qu&apos;un (%1)</translation>
    </message>
    <message>
        <source>IP fragments: %1 datagrams reassembled, %2 not (%3)</source>
        <translation>Fragments IP : %1 datagrammes réassemblés, %2 non (%3)</translation>
    </message>
</context>
<context>
    <name>d4::import::ImportResult</name>
    <message>
        <source>%1 file(s), %2 packets, %3 bytes in %4 s%5; %6 DNS tuples, %7 attacks</source>
        <translation>%1 fichier(s), %2 paquets, %3 octets en %4 s%5 ; %6 tuples DNS, %7 attaques</translation>
    </message>
    <message>
        <source> (cancelled)</source>
        <translation> (annulé)</translation>
    </message>
    <message>
        <source>; %1 refused</source>
        <translation> ; %1 refusé(s)</translation>
    </message>
    <message>
        <source>; %1 warning(s)</source>
        <translation> ; %1 avertissement(s)</translation>
    </message>
</context>
<context>
    <name>d4::management::ManagementService</name>
    <message>
        <source>The management service is not running</source>
        <translation>Le service de gestion n’est pas démarré</translation>
    </message>
</context>
<context>
    <name>d4::ui::AddSensorDialog</name>
    <message>
        <source>Add a sensor</source>
        <translation>Ajouter un capteur</translation>
    </message>
    <message>
        <source>Sensor UUID:</source>
        <translation>UUID du capteur :</translation>
    </message>
    <message>
        <source>HMAC key:</source>
        <translation>Clé HMAC :</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>Description :</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>Type :</translation>
    </message>
    <message>
        <source>meta type, for types 2 and 254</source>
        <translation>méta-type, pour les types 2 et 254</translation>
    </message>
    <message>
        <source>Extended type:</source>
        <translation>Type étendu :</translation>
    </message>
    <message>
        <source>Server (host:port):</source>
        <translation>Serveur (hôte:port) :</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>Configuration directory</source>
        <translation>Répertoire de configuration</translation>
    </message>
    <message>
        <source>Export to directory:</source>
        <translation>Exporter dans le répertoire :</translation>
    </message>
    <message>
        <source>Also write the server certificate as rootCA.crt</source>
        <translation>Écrire aussi le certificat du serveur dans rootCA.crt</translation>
    </message>
    <message>
        <source>The server fingerprint is unknown (attached mode): pin it by hand.</source>
        <translation>L’empreinte du serveur est inconnue (mode rattaché) : épinglez-la à la main.</translation>
    </message>
    <message>
        <source>Server fingerprint (pinned): %1</source>
        <translation>Empreinte du serveur (épinglée) : %1</translation>
    </message>
    <message>
        <source>Register and export</source>
        <translation>Enregistrer et exporter</translation>
    </message>
    <message>
        <source>cannot create %1</source>
        <translation>impossible de créer %1</translation>
    </message>
    <message>
        <source>cannot read %1</source>
        <translation>impossible de lire %1</translation>
    </message>
    <message>
        <source>The UUID is not a version-4 UUID.</source>
        <translation>L’UUID n’est pas un UUID de version 4.</translation>
    </message>
    <message>
        <source>Types 2 and 254 need the extended type name.</source>
        <translation>Les types 2 et 254 exigent le nom du type étendu.</translation>
    </message>
    <message>
        <source>The key must have 1 to 100 bytes (the Go client reads no more).</source>
        <translation>La clé doit comporter de 1 à 100 octets (le client Go n&apos;en lit pas davantage).</translation>
    </message>
    <message>
        <source>The server must be written host:port or [IPv6]:port.</source>
        <translation>Le serveur doit s&apos;écrire hôte:port ou [IPv6]:port.</translation>
    </message>
    <message>
        <source>%1 holds no PEM certificate.</source>
        <translation>%1 ne contient aucun certificat PEM.</translation>
    </message>
    <message>
        <source>The server certificate is not valid for %1, so sensors given rootCA.crt would refuse it. Use a name the certificate holds (%2), or leave rootCA.crt out: the fingerprint pins the certificate.</source>
        <translation>Le certificat du serveur n&apos;est pas valable pour %1 : les sondes munies de rootCA.crt le refuseraient. Utilisez un nom que porte le certificat (%2), ou n&apos;exportez pas rootCA.crt : l&apos;empreinte épingle le certificat.</translation>
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
        <translation>s. o.</translation>
    </message>
    <message>
        <source>Victim</source>
        <translation>Victime</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>Protocole</translation>
    </message>
    <message>
        <source>Target ports</source>
        <translation>Ports ciblés</translation>
    </message>
    <message>
        <source>Start (UTC)</source>
        <translation>Début (UTC)</translation>
    </message>
    <message>
        <source>Duration (s)</source>
        <translation>Durée (s)</translation>
    </message>
    <message>
        <source>Packets</source>
        <translation>Paquets</translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation>Octets</translation>
    </message>
    <message>
        <source>Max ppm</source>
        <translation>Max. paq./min</translation>
    </message>
    <message>
        <source>Estimated pps</source>
        <translation>Paq./s estimés</translation>
    </message>
    <message>
        <source>Spoofed ports</source>
        <translation>Ports usurpés</translation>
    </message>
    <message>
        <source>Attacker /16s</source>
        <translation>/16 attaquants</translation>
    </message>
    <message>
        <source>Sensor addresses hit</source>
        <translation>Adresses du capteur touchées</translation>
    </message>
</context>
<context>
    <name>d4::ui::BackscatterPage</name>
    <message>
        <source>Capture time (UTC)</source>
        <translation>Heure de capture (UTC)</translation>
    </message>
    <message>
        <source>Backscatter packets/s</source>
        <translation>Paquets de backscatter/s</translation>
    </message>
    <message>
        <source>Packets per slide</source>
        <translation>Paquets par glissement</translation>
    </message>
    <message>
        <source>Selected victim</source>
        <translation>Victime sélectionnée</translation>
    </message>
    <message>
        <source>Thresholds:</source>
        <translation>Seuils :</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Exporter en CSV…</translation>
    </message>
    <message>
        <source>Export JSON…</source>
        <translation>Exporter en JSON…</translation>
    </message>
    <message>
        <source>Export MISP…</source>
        <translation>Exporter vers MISP…</translation>
    </message>
    <message>
        <source>%1 packets, %2 backscatter (%3 SYN/ACK, %4 RST, %5 ICMP error, %6 ICMP reply); %7 attacks, %8 vectors below thresholds; %9 ICMP mismatches; evicted: %10 vectors, %11 SYN-seen entries</source>
        <translation>%1 paquets, %2 de backscatter (%3 SYN/ACK, %4 RST, %5 erreurs ICMP, %6 réponses ICMP) ; %7 attaques, %8 vecteurs sous les seuils ; %9 incohérences ICMP ; évincés : %10 vecteurs, %11 entrées SYN vus</translation>
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
        <translation>Exporter les attaques</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>Échec de l’exportation : %1</translation>
    </message>
    <message>
        <source>Save &amp;evidence pcap…</source>
        <translation>Enregistrer les &amp;preuves (pcap)…</translation>
    </message>
    <message>
        <source>Save evidence pcap…</source>
        <translation>Enregistrer les preuves (pcap)…</translation>
    </message>
    <message>
        <source>Write the kept packets of the selected attacks as pcap files (Ctrl+Shift+E)</source>
        <translation>Écrire les paquets conservés des attaques sélectionnées dans des fichiers pcap (Ctrl+Maj+E)</translation>
    </message>
    <message>
        <source>&amp;Source:</source>
        <translation>&amp;Source :</translation>
    </message>
    <message>
        <source>No source: import captures (File › Import Captures…) to see their backscatter here.</source>
        <translation>Aucune source : importez des captures (Fichier › Importer des captures…) pour voir ici leur backscatter.</translation>
    </message>
    <message>
        <source>Evidence: %1 KiB held of %2 KiB; %3 packets refused by that budget; %4 vectors ended below the thresholds and released theirs; %5 ended attacks gave theirs to newer ones</source>
        <translation>Preuves : %1 Kio conservés sur %2 Kio ; %3 paquets refusés par ce budget ; %4 vecteurs terminés sous les seuils ont libéré les leurs ; %5 attaques terminées ont cédé les leurs à de plus récentes</translation>
    </message>
    <message>
        <source>Select one or more attacks first.</source>
        <translation>Sélectionnez d&apos;abord une ou plusieurs attaques.</translation>
    </message>
    <message>
        <source>Evidence saved: %1</source>
        <translation>Preuves enregistrées : %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>No evidence pcap available for the selection.
%1</source>
        <translation>Aucune preuve pcap disponible pour la sélection.
%1</translation>
    </message>
    <message>
        <source>Save evidence pcap</source>
        <translation>Enregistrer le pcap de preuves</translation>
    </message>
    <message>
        <source>Captures (*.pcap *.pcapng)</source>
        <translation>Captures (*.pcap *.pcapng)</translation>
    </message>
    <message>
        <source>Save evidence pcaps into a folder</source>
        <translation>Enregistrer les pcap de preuves dans un dossier</translation>
    </message>
    <message>
        <source>%1 (+%2 files)</source>
        <translation>%1 (+%2 fichiers)</translation>
    </message>
    <message>
        <source>%1 (importing…)</source>
        <translation>%1 (import en cours…)</translation>
    </message>
    <message>
        <source>%1 (cancelled)</source>
        <translation>%1 (annulé)</translation>
    </message>
    <message>
        <source>Import: %1</source>
        <translation>Import : %1</translation>
    </message>
</context>
<context>
    <name>d4::ui::BackscatterSourceBox</name>
    <message>
        <source>Backscatter source</source>
        <translation>Source du backscatter</translation>
    </message>
    <message>
        <source>Live: the sensors&apos; traffic. An imported capture: its backscatter, on capture time.</source>
        <translation>En direct : le trafic des capteurs. Une capture importée : son backscatter, en temps de capture.</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>En direct</translation>
    </message>
</context>
<context>
    <name>d4::ui::BarChart</name>
    <message>
        <source>packets</source>
        <translation>paquets</translation>
    </message>
</context>
<context>
    <name>d4::ui::ConsoleController</name>
    <message>
        <source>Dashboard</source>
        <translation>Tableau de bord</translation>
    </message>
    <message>
        <source>Sensors</source>
        <translation>Capteurs</translation>
    </message>
    <message>
        <source>Sensor</source>
        <translation>Capteur</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Serveur</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Journal</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>Échec de %1 : %2</translation>
    </message>
    <message>
        <source>Redis %1</source>
        <translation>Redis %1</translation>
    </message>
    <message>
        <source>Redis %1 unreachable: %2</source>
        <translation>Redis %1 injoignable : %2</translation>
    </message>
    <message>
        <source>&amp;Dark palette</source>
        <translation>Palette &amp;sombre</translation>
    </message>
    <message>
        <source>&amp;Add sensor…</source>
        <translation>&amp;Ajouter un capteur…</translation>
    </message>
    <message>
        <source>Sensor %1 is silent or disconnected</source>
        <translation>Le capteur %1 est silencieux ou déconnecté</translation>
    </message>
    <message>
        <source>Sensor %1 is back</source>
        <translation>Le capteur %1 est de retour</translation>
    </message>
    <message>
        <source>D4 sensor monitoring</source>
        <translation>Surveillance des capteurs D4</translation>
    </message>
    <message>
        <source>Add sensor</source>
        <translation>Ajouter un capteur</translation>
    </message>
</context>
<context>
    <name>d4::ui::ConsoleSettings</name>
    <message>
        <source>The %1 endpoint &apos;%2&apos; is not host:port/db (db 0 to 15) or unix:/path/db.</source>
        <translation>Le point d&apos;accès %1 « %2 » n&apos;est pas de la forme hôte:port/base (base 0 à 15) ou unix:/chemin/base.</translation>
    </message>
    <message>
        <source>Cannot read the configuration file %1.</source>
        <translation>Impossible de lire le fichier de configuration %1.</translation>
    </message>
    <message>
        <source>The port %1 is not between 0 and 65535.</source>
        <translation>Le port %1 n&apos;est pas compris entre 0 et 65535.</translation>
    </message>
    <message>
        <source>The data directory %1 is not a directory the console can write to.</source>
        <translation>Le répertoire de données %1 n&apos;est pas un répertoire où la console peut écrire.</translation>
    </message>
    <message>
        <source>The default HMAC key must not be empty.</source>
        <translation>La clé HMAC par défaut ne doit pas être vide.</translation>
    </message>
    <message>
        <source>The default HMAC key must be at most 100 characters.</source>
        <translation>La clé HMAC par défaut doit comporter au plus 100 caractères.</translation>
    </message>
    <message>
        <source>Cannot read the TLS certificate %1.</source>
        <translation>Impossible de lire le certificat TLS %1.</translation>
    </message>
    <message>
        <source>The TLS certificate %1 holds no PEM certificate.</source>
        <translation>Le fichier de certificat TLS %1 ne contient aucun certificat PEM.</translation>
    </message>
    <message>
        <source>A TLS private key needs its certificate (leave both empty to have one generated).</source>
        <translation>Une clé privée TLS exige son certificat (laissez les deux vides pour en faire générer un).</translation>
    </message>
    <message>
        <source>Cannot read the TLS private key %1.</source>
        <translation>Impossible de lire la clé privée TLS %1.</translation>
    </message>
    <message>
        <source>Unknown language &apos;%1&apos;.</source>
        <translation>Langue inconnue « %1 ».</translation>
    </message>
</context>
<context>
    <name>d4::ui::DashboardPage</name>
    <message>
        <source>Active sensors</source>
        <translation>Capteurs actifs</translation>
    </message>
    <message>
        <source>Packets today</source>
        <translation>Paquets aujourd’hui</translation>
    </message>
    <message>
        <source>Ingest rate</source>
        <translation>Débit de collecte</translation>
    </message>
    <message>
        <source>top </source>
        <translation>top </translation>
    </message>
    <message>
        <source>Packets per sensor today</source>
        <translation>Paquets par capteur aujourd’hui</translation>
    </message>
    <message>
        <source>Packets per type today</source>
        <translation>Paquets par type aujourd’hui</translation>
    </message>
    <message>
        <source>Rejection reason</source>
        <translation>Motif de rejet</translation>
    </message>
    <message>
        <source>Connections refused</source>
        <translation>Connexions refusées</translation>
    </message>
    <message>
        <source>%1 pkt/s, %2 MB/s</source>
        <translation>%1 paq./s, %2 Mo/s</translation>
    </message>
    <message>
        <source>%1 pkt/s</source>
        <translation>%1 paq./s</translation>
    </message>
</context>
<context>
    <name>d4::ui::DnsPage</name>
    <message>
        <source>Name, IP address, *.domain, or =rdata</source>
        <translation>Nom, adresse IP, *.domaine ou =rdata</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Rechercher</translation>
    </message>
    <message>
        <source>Export NDJSON…</source>
        <translation>Exporter en NDJSON…</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Exporter en CSV…</translation>
    </message>
    <message>
        <source>Export MISP…</source>
        <translation>Exporter vers MISP…</translation>
    </message>
    <message>
        <source>Records/s and new tuples/s</source>
        <translation>Enregistrements/s et nouveaux tuples/s</translation>
    </message>
    <message>
        <source>records/s</source>
        <translation>enregistrements/s</translation>
    </message>
    <message>
        <source>new tuples/s</source>
        <translation>nouveaux tuples/s</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>secondes</translation>
    </message>
    <message>
        <source>RR type mix</source>
        <translation>Répartition des types de RR</translation>
    </message>
    <message>
        <source>Top names</source>
        <translation>Noms les plus fréquents</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Recherche…</translation>
    </message>
    <message numerus="yes">
        <source>%n result(s)</source>
        <translation>
            <numerusform>%n résultat</numerusform>
            <numerusform>%n résultats</numerusform>
        </translation>
    </message>
    <message>
        <source>Search failed: %1</source>
        <translation>Échec de la recherche : %1</translation>
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
        <translation>Objets MISP (*.json)</translation>
    </message>
    <message>
        <source>Export results</source>
        <translation>Exporter les résultats</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d’écrire %1 : %2</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n result(s) to %1</source>
        <translation>
            <numerusform>%n résultat exporté dans %1</numerusform>
            <numerusform>%n résultats exportés dans %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>d4::ui::DnsResultsModel</name>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Données</translation>
    </message>
    <message>
        <source>First seen (UTC)</source>
        <translation>Vu pour la première fois (UTC)</translation>
    </message>
    <message>
        <source>Last seen (UTC)</source>
        <translation>Vu pour la dernière fois (UTC)</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Sensors</source>
        <translation>Capteurs</translation>
    </message>
</context>
<context>
    <name>d4::ui::ForwardPage</name>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Pause</translation>
    </message>
    <message>
        <source>Rules are defined in the server&apos;s configuration ([Forward:&lt;name&gt;] sections); here they can be watched, paused and previewed.</source>
        <translation>Les règles sont définies dans la configuration du serveur (sections [Forward:&lt;name&gt;]) ; ici, on peut les suivre, les mettre en pause et prévisualiser leur effet.</translation>
    </message>
    <message>
        <source>Sent to the partner</source>
        <translation>Envoyé au partenaire</translation>
    </message>
    <message>
        <source>records/s</source>
        <translation>enregistrements/s</translation>
    </message>
    <message>
        <source>MB/s</source>
        <translation>Mo/s</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>secondes</translation>
    </message>
    <message>
        <source>&amp;Throughput and filters</source>
        <translation>&amp;Trafic et filtres</translation>
    </message>
    <message>
        <source>Cannot read the forwarding rules: %1</source>
        <translation>Impossible de lire les règles de partage : %1</translation>
    </message>
    <message>
        <source>No forwarding rule: add [Forward:&lt;name&gt;] sections to the server&apos;s configuration.</source>
        <translation>Aucune règle de partage : ajoutez des sections [Forward:&lt;name&gt;] à la configuration du serveur.</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>&amp;Reprendre</translation>
    </message>
    <message>
        <source>Select a rule.</source>
        <translation>Choisissez une règle.</translation>
    </message>
    <message>
        <source>Read: %1</source>
        <translation>Lus : %1</translation>
    </message>
    <message>
        <source>Filtered: %1</source>
        <translation>Filtrés : %1</translation>
    </message>
    <message>
        <source>Sent: %1 (%2)</source>
        <translation>Envoyés : %1 (%2)</translation>
    </message>
    <message>
        <source>Connections: %1</source>
        <translation>Connexions : %1</translation>
    </message>
    <message>
        <source>Last acknowledgement: %1</source>
        <translation>Dernier accusé de réception : %1</translation>
    </message>
    <message>
        <source>Pausing %1…</source>
        <translation>Mise en pause de %1…</translation>
    </message>
    <message>
        <source>Resuming %1…</source>
        <translation>Reprise de %1…</translation>
    </message>
    <message>
        <source>Cannot change %1: %2</source>
        <translation>Impossible de modifier %1 : %2</translation>
    </message>
    <message>
        <source>%1 paused: the server stops reading its sources.</source>
        <translation>%1 en pause : le serveur cesse de lire ses sources.</translation>
    </message>
    <message>
        <source>%1 resumed.</source>
        <translation>%1 a repris.</translation>
    </message>
    <message>
        <source>&amp;Dry-run preview</source>
        <translation>&amp;Aperçu à blanc</translation>
    </message>
    <message>
        <source>&amp;New rule…</source>
        <translation>&amp;Nouvelle règle…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Modifier…</translation>
    </message>
    <message>
        <source>Rem&amp;ove</source>
        <translation>S&amp;upprimer</translation>
    </message>
    <message>
        <source>Rules are edited in the embedded server&apos;s server.conf: choose one in File &gt; Settings (or start with --config) to edit them here.</source>
        <translation>Les règles se modifient dans le server.conf du serveur intégré : choisissez-en un dans Fichier &gt; Paramètres (ou démarrez avec --config) pour les modifier ici.</translation>
    </message>
    <message>
        <source>Rule %1 saved in %2. The change applies when the server restarts: restart D4 Console to apply.</source>
        <translation>Règle %1 enregistrée dans %2. La modification s&apos;applique au redémarrage du serveur : redémarrez D4 Console pour l&apos;appliquer.</translation>
    </message>
    <message>
        <source>Remove rule</source>
        <translation>Supprimer la règle</translation>
    </message>
    <message>
        <source>Remove rule %1 from %2?</source>
        <translation>Supprimer la règle %1 de %2 ?</translation>
    </message>
    <message>
        <source>Rule %1 removed from %2. The change applies when the server restarts: restart D4 Console to apply.</source>
        <translation>Règle %1 supprimée de %2. La modification s&apos;applique au redémarrage du serveur : redémarrez D4 Console pour l&apos;appliquer.</translation>
    </message>
</context>
<context>
    <name>d4::ui::ForwardPreviewModel</name>
    <message>
        <source>#</source>
        <translation>N°</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Décision</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Raison</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Élément</translation>
    </message>
    <message>
        <source>Sent as</source>
        <translation>Envoyé sous la forme</translation>
    </message>
    <message>
        <source>kept</source>
        <translation>conservé</translation>
    </message>
    <message>
        <source>left out</source>
        <translation>écarté</translation>
    </message>
</context>
<context>
    <name>d4::ui::ForwardPreviewPanel</name>
    <message>
        <source>Paste lines here, one item per line</source>
        <translation>Collez les lignes ici, un élément par ligne</translation>
    </message>
    <message>
        <source>&amp;Load file…</source>
        <translation>&amp;Charger un fichier…</translation>
    </message>
    <message>
        <source>Sa&amp;mple the queue</source>
        <translation>Éc&amp;hantillon de la file</translation>
    </message>
    <message>
        <source>The next 100 items the rule would read from its analyzer queue; they stay in the queue</source>
        <translation>Les 100 prochains éléments que la règle lirait dans sa file d&apos;analyse ; ils restent dans la file</translation>
    </message>
    <message>
        <source>Select a rule to preview what it would send.</source>
        <translation>Choisissez une règle pour voir ce qu&apos;elle enverrait.</translation>
    </message>
    <message>
        <source>Load a pcap or pcapng file: its first 1,000 packets are previewed.</source>
        <translation>Chargez un fichier pcap ou pcapng : ses 1 000 premiers paquets sont prévisualisés.</translation>
    </message>
    <message>
        <source>Lines of this type are only sampled, not parsed.</source>
        <translation>Les lignes de ce type sont seulement échantillonnées, pas analysées.</translation>
    </message>
    <message>
        <source>This rule pseudonymises client fields: the preview uses a random key, so the pseudonyms differ from those the partner receives.</source>
        <translation>Cette règle pseudonymise les champs client : l&apos;aperçu utilise une clé aléatoire, les pseudonymes diffèrent donc de ceux que reçoit le partenaire.</translation>
    </message>
    <message>
        <source>Captures (*.pcap *.pcapng *.cap *.gz);;All files (*)</source>
        <translation>Captures (*.pcap *.pcapng *.cap *.gz);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Text files (*.txt *.log *.json);;All files (*)</source>
        <translation>Fichiers texte (*.txt *.log *.json);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Preview a file</source>
        <translation>Prévisualiser un fichier</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>Impossible d&apos;ouvrir %1 : %2</translation>
    </message>
    <message>
        <source>Sampling the queue…</source>
        <translation>Échantillonnage de la file…</translation>
    </message>
    <message>
        <source>Sampling failed: %1</source>
        <translation>Échec de l&apos;échantillonnage : %1</translation>
    </message>
    <message>
        <source>The queue is empty.</source>
        <translation>La file est vide.</translation>
    </message>
    <message>
        <source>None of the queued capture files is readable from this computer.</source>
        <translation>Aucun des fichiers de capture de la file n&apos;est lisible depuis cet ordinateur.</translation>
    </message>
    <message>
        <source>Running the preview…</source>
        <translation>Aperçu en cours…</translation>
    </message>
    <message numerus="yes">
        <source>%n kept</source>
        <translation>
            <numerusform>%n conservé</numerusform>
            <numerusform>%n conservés</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s): </source>
        <translation>
            <numerusform>%n élément : </numerusform>
            <numerusform>%n éléments : </numerusform>
        </translation>
    </message>
    <message>
        <source>(first %1 packets only)</source>
        <translation>(seulement les %1 premiers paquets)</translation>
    </message>
    <message>
        <source>Run pre&amp;view</source>
        <translation>Lancer l&apos;aperç&amp;u</translation>
    </message>
</context>
<context>
    <name>d4::ui::ForwardRuleDialog</name>
    <message>
        <source>Edit rule %1</source>
        <translation>Modifier la règle %1</translation>
    </message>
    <message>
        <source>New forwarding rule</source>
        <translation>Nouvelle règle de transfert</translation>
    </message>
    <message>
        <source>Rule and sources</source>
        <translation>Règle et sources</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom :</translation>
    </message>
    <message>
        <source>Enabled (yes/no):</source>
        <translation>Active (yes/no) :</translation>
    </message>
    <message>
        <source>&amp;Type (1, 3, 8, 254):</source>
        <translation>&amp;Type (1, 3, 8, 254) :</translation>
    </message>
    <message>
        <source>Extended type:</source>
        <translation>Type étendu :</translation>
    </message>
    <message>
        <source>Sens&amp;ors (UUIDs, @group, *):</source>
        <translation>Capteu&amp;rs (UUID, @groupe, *) :</translation>
    </message>
    <message>
        <source>&amp;Queues (UUIDs):</source>
        <translation>File&amp;s (UUID) :</translation>
    </message>
    <message>
        <source>Partner and TLS</source>
        <translation>Partenaire et TLS</translation>
    </message>
    <message>
        <source>&amp;Partner (host:port):</source>
        <translation>&amp;Partenaire (hôte:port) :</translation>
    </message>
    <message>
        <source>Partner &amp;UUID:</source>
        <translation>&amp;UUID du partenaire :</translation>
    </message>
    <message>
        <source>Partner &amp;key:</source>
        <translation>&amp;Clé du partenaire :</translation>
    </message>
    <message>
        <source>Partner CA file:</source>
        <translation>Fichier CA du partenaire :</translation>
    </message>
    <message>
        <source>Partner p&amp;in (SHA-256):</source>
        <translation>Empre&amp;inte du partenaire (SHA-256) :</translation>
    </message>
    <message>
        <source>Accept any certificate (yes/no):</source>
        <translation>Accepter tout certificat (yes/no) :</translation>
    </message>
    <message>
        <source>Longest retry back-off (s):</source>
        <translation>Attente maximale entre tentatives (s) :</translation>
    </message>
    <message>
        <source>Line filters</source>
        <translation>Filtres de lignes</translation>
    </message>
    <message>
        <source>Passive DNS lines (yes/no):</source>
        <translation>Lignes DNS passif (yes/no) :</translation>
    </message>
    <message>
        <source>Layout fields:</source>
        <translation>Champs du format :</translation>
    </message>
    <message>
        <source>Layout separator:</source>
        <translation>Séparateur du format :</translation>
    </message>
    <message>
        <source>&amp;Drop zones:</source>
        <translation>Zones e&amp;xclues :</translation>
    </message>
    <message>
        <source>Keep zones:</source>
        <translation>Zones conservées :</translation>
    </message>
    <message>
        <source>C&amp;lient fields (keep, drop, pseudonymise):</source>
        <translation>Champs c&amp;lient (keep, drop, pseudonymise) :</translation>
    </message>
    <message>
        <source>Pseudonym key:</source>
        <translation>Clé des pseudonymes :</translation>
    </message>
    <message>
        <source>Dropped DNS types:</source>
        <translation>Types DNS exclus :</translation>
    </message>
    <message>
        <source>Sample (0–1]:</source>
        <translation>Échantillon (0–1] :</translation>
    </message>
    <message>
        <source>Pcap filters</source>
        <translation>Filtres pcap</translation>
    </message>
    <message>
        <source>Pcap &amp;filter:</source>
        <translation>&amp;Filtre pcap :</translation>
    </message>
    <message>
        <source>Snap length:</source>
        <translation>Longueur de capture :</translation>
    </message>
    <message>
        <source>Link type:</source>
        <translation>Type de lien :</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Livraison</translation>
    </message>
    <message>
        <source>Spool directory:</source>
        <translation>Répertoire du spool :</translation>
    </message>
    <message>
        <source>Spool size (MB):</source>
        <translation>Taille du spool (Mo) :</translation>
    </message>
    <message>
        <source>Acknowledgement interval (ms):</source>
        <translation>Intervalle d&apos;acquittement (ms) :</translation>
    </message>
    <message>
        <source>Acknowledgement window (MB):</source>
        <translation>Fenêtre d&apos;acquittement (Mo) :</translation>
    </message>
    <message>
        <source>Packet size:</source>
        <translation>Taille des paquets :</translation>
    </message>
    <message>
        <source>default</source>
        <translation>par défaut</translation>
    </message>
    <message>
        <source>A rule needs a name.</source>
        <translation>Une règle doit avoir un nom.</translation>
    </message>
    <message>
        <source>There is already a rule named %1.</source>
        <translation>Il existe déjà une règle nommée %1.</translation>
    </message>
</context>
<context>
    <name>d4::ui::ForwardRulesModel</name>
    <message>
        <source>Rule</source>
        <translation>Règle</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>Partenaire</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Sources</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Lus</translation>
    </message>
    <message>
        <source>Filtered</source>
        <translation>Filtrés</translation>
    </message>
    <message>
        <source>Spooled</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Envoyés</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Confirmés</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Dernière erreur</translation>
    </message>
    <message>
        <source>(configuration unreadable)</source>
        <translation>(configuration illisible)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Nothing left out</source>
        <translation>Rien d&apos;écarté</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) waiting on disk</source>
        <translation>
            <numerusform>%n enregistrement en attente sur disque</numerusform>
            <numerusform>%n enregistrements en attente sur disque</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 sent</source>
        <translation>%1 envoyés</translation>
    </message>
    <message>
        <source>Last acknowledgement: %1</source>
        <translation>Dernier accusé de réception : %1</translation>
    </message>
    <message>
        <source>Nothing acknowledged yet</source>
        <translation>Rien de confirmé pour l&apos;instant</translation>
    </message>
    <message numerus="yes">
        <source>%n connection(s) since the server started</source>
        <translation>
            <numerusform>%n connexion depuis le démarrage du serveur</numerusform>
            <numerusform>%n connexions depuis le démarrage du serveur</numerusform>
        </translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>désactivée</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>en pause</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>connectée</translation>
    </message>
    <message>
        <source>reconnecting</source>
        <translation>reconnexion</translation>
    </message>
    <message>
        <source>kept</source>
        <translation>conservé</translation>
    </message>
    <message>
        <source>unparsable</source>
        <translation>illisible</translation>
    </message>
    <message>
        <source>in a drop zone</source>
        <translation>dans une zone exclue</translation>
    </message>
    <message>
        <source>in no keep zone</source>
        <translation>dans aucune zone retenue</translation>
    </message>
    <message>
        <source>dropped RR type</source>
        <translation>type RR exclu</translation>
    </message>
    <message>
        <source>sampled out</source>
        <translation>écarté par échantillonnage</translation>
    </message>
    <message>
        <source>does not match the pcap filter</source>
        <translation>ne correspond pas au filtre pcap</translation>
    </message>
    <message>
        <source>other link type</source>
        <translation>autre type de lien</translation>
    </message>
    <message>
        <source>queue %1</source>
        <translation>file %1</translation>
    </message>
    <message>
        <source>every sensor</source>
        <translation>tous les capteurs</translation>
    </message>
    <message numerus="yes">
        <source>%n sensor(s)</source>
        <translation>
            <numerusform>%n capteur</numerusform>
            <numerusform>%n capteurs</numerusform>
        </translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucune</translation>
    </message>
</context>
<context>
    <name>d4::ui::ImportController</name>
    <message>
        <source>An import is already running; cancel it or wait until it finishes.</source>
        <translation>Un import est déjà en cours ; annulez-le ou attendez qu’il se termine.</translation>
    </message>
    <message>
        <source>Nothing to import.</source>
        <translation>Rien à importer.</translation>
    </message>
</context>
<context>
    <name>d4::ui::ImportDnsModel</name>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Données</translation>
    </message>
    <message>
        <source>First</source>
        <translation>Premier</translation>
    </message>
    <message>
        <source>Last</source>
        <translation>Dernier</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Nombre</translation>
    </message>
</context>
<context>
    <name>d4::ui::ImportPage</name>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Import files…</source>
        <translation>Importer des fichiers…</translation>
    </message>
    <message>
        <source>Drop capture files or folders here (pcap, pcapng, gzip-compressed or not).</source>
        <translation>Déposez ici des fichiers de capture ou des dossiers (pcap, pcapng, compressés en gzip ou non).</translation>
    </message>
    <message>
        <source>Read:</source>
        <translation>Lu :</translation>
    </message>
    <message>
        <source>Packets:</source>
        <translation>Paquets :</translation>
    </message>
    <message>
        <source>Progress:</source>
        <translation>Progression :</translation>
    </message>
    <message>
        <source>Rate:</source>
        <translation>Débit :</translation>
    </message>
    <message>
        <source>Elapsed:</source>
        <translation>Écoulé :</translation>
    </message>
    <message>
        <source>Property</source>
        <translation>Propriété</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>Capture properties</source>
        <translation>Propriétés de la capture</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Avertissements</translation>
    </message>
    <message>
        <source>Passive DNS</source>
        <translation>DNS passif</translation>
    </message>
    <message>
        <source>Import captures</source>
        <translation>Importer des captures</translation>
    </message>
    <message>
        <source>Captures (*.pcap *.pcapng *.cap *.gz *.pcap.gz);;All files (*)</source>
        <translation>Captures (*.pcap *.pcapng *.cap *.gz *.pcap.gz);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Starting the import…</source>
        <translation>Démarrage de l’import…</translation>
    </message>
    <message numerus="yes">
        <source>Importing %n file(s)…</source>
        <translation>
            <numerusform>Import de %n fichier…</numerusform>
            <numerusform>Import de %n fichiers…</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 sur %2</translation>
    </message>
    <message>
        <source>%1 packets/s, %2/s</source>
        <translation>%1 paquets/s, %2/s</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>File type</source>
        <translation>Type de fichier</translation>
    </message>
    <message>
        <source> (gzip-compressed)</source>
        <translation> (compressé en gzip)</translation>
    </message>
    <message>
        <source>Byte order</source>
        <translation>Ordre des octets</translation>
    </message>
    <message>
        <source>big-endian</source>
        <translation>gros-boutiste (big-endian)</translation>
    </message>
    <message>
        <source>little-endian</source>
        <translation>petit-boutiste (little-endian)</translation>
    </message>
    <message>
        <source>Time precision</source>
        <translation>Précision temporelle</translation>
    </message>
    <message>
        <source>Link types</source>
        <translation>Types de lien</translation>
    </message>
    <message>
        <source>Interfaces</source>
        <translation>Interfaces</translation>
    </message>
    <message>
        <source>Packets</source>
        <translation>Paquets</translation>
    </message>
    <message>
        <source>File size</source>
        <translation>Taille du fichier</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 octets</translation>
    </message>
    <message>
        <source>First packet</source>
        <translation>Premier paquet</translation>
    </message>
    <message>
        <source>Last packet</source>
        <translation>Dernier paquet</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Avertissement</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>cancelled (partial)</source>
        <translation>annulé (partiel)</translation>
    </message>
</context>
<context>
    <name>d4::ui::LogPage</name>
    <message>
        <source>Debug and above</source>
        <translation>Débogage et plus</translation>
    </message>
    <message>
        <source>Info and above</source>
        <translation>Information et plus</translation>
    </message>
    <message>
        <source>Warnings and above</source>
        <translation>Avertissements et plus</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>Critique</translation>
    </message>
    <message>
        <source>category filter, e.g. d4.ingest</source>
        <translation>filtre de catégorie, p. ex. d4.ingest</translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation>&amp;Effacer</translation>
    </message>
    <message>
        <source>Level:</source>
        <translation>Niveau :</translation>
    </message>
</context>
<context>
    <name>d4::ui::MainWindow</name>
    <message>
        <source>D4 Console</source>
        <translation>Console D4</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Prêt</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>&amp;About D4 Console</source>
        <translation>À &amp;propos de la Console D4</translation>
    </message>
    <message>
        <source>About D4 Console</source>
        <translation>À propos de la Console D4</translation>
    </message>
    <message>
        <source>&lt;b&gt;D4 Console&lt;/b&gt; %1&lt;br&gt;A management console and ingest server for D4 sensor networks.&lt;br&gt;Licensed under the GNU AGPL, version 3 or later.</source>
        <translation>&lt;b&gt;Console D4&lt;/b&gt; %1&lt;br&gt;Une console de gestion et un serveur de collecte pour les réseaux de capteurs D4.&lt;br&gt;Distribuée sous la licence GNU AGPL, version 3 ou ultérieure.</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Pages</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Non connecté</translation>
    </message>
    <message>
        <source>%1 (Ctrl+%2)</source>
        <translation>%1 (Ctrl+%2)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Paramètres…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Pages</source>
        <translation>&amp;Pages</translation>
    </message>
    <message>
        <source>&amp;Import Captures…</source>
        <translation>&amp;Importer des captures…</translation>
    </message>
</context>
<context>
    <name>d4::ui::QueueDialog</name>
    <message>
        <source>Edit analyzer queue</source>
        <translation>Modifier la file d’analyseur</translation>
    </message>
    <message>
        <source>Add analyzer queue</source>
        <translation>Ajouter une file d’analyseur</translation>
    </message>
    <message>
        <source>Analyzer &amp;type:</source>
        <translation>&amp;Type d’analyseur :</translation>
    </message>
    <message>
        <source>&amp;Meta type name:</source>
        <translation>Nom du &amp;méta-type :</translation>
    </message>
    <message>
        <source>optional: a new random UUID</source>
        <translation>facultatif : un nouvel UUID aléatoire</translation>
    </message>
    <message>
        <source>&amp;Random</source>
        <translation>&amp;Aléatoire</translation>
    </message>
    <message>
        <source>Queue &amp;UUID:</source>
        <translation>&amp;UUID de la file :</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Description :</translation>
    </message>
    <message>
        <source>one sensor UUID per line; empty = every sensor</source>
        <translation>un UUID de capteur par ligne ; vide = tous les capteurs</translation>
    </message>
    <message>
        <source>&amp;Sensor group:</source>
        <translation>&amp;Groupe de capteurs :</translation>
    </message>
    <message>
        <source>Invalid sensor UUID: %1</source>
        <translation>UUID de capteur invalide : %1</translation>
    </message>
    <message>
        <source>Type 2 and 254 queues need the meta type name.</source>
        <translation>Les files des types 2 et 254 exigent le nom du méta-type.</translation>
    </message>
    <message>
        <source>The queue UUID is not a UUID.</source>
        <translation>L’UUID de la file n’est pas un UUID.</translation>
    </message>
</context>
<context>
    <name>d4::ui::QueueTableModel</name>
    <message>
        <source>group (%1)</source>
        <translation>groupe (%1)</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Jamais</translation>
    </message>
    <message>
        <source>%1 (default)</source>
        <translation>%1 (par défaut)</translation>
    </message>
    <message>
        <source>near max size</source>
        <translation>proche de la taille maximale</translation>
    </message>
    <message>
        <source>not consumed</source>
        <translation>non consommée</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Groupe</translation>
    </message>
    <message>
        <source>Queue UUID</source>
        <translation>UUID de la file</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Last updated</source>
        <translation>Dernière mise à jour</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Longueur</translation>
    </message>
    <message>
        <source>Max size</source>
        <translation>Taille max.</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Avertissement</translation>
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
        <translation>Variation nette : −%1/s</translation>
    </message>
    <message>
        <source>Net change: +%1/s</source>
        <translation>Variation nette : +%1/s</translation>
    </message>
    <message>
        <source>Estimate: how fast the length went down. The server&apos;s workers do not count what they push (a d4-core server), so a queue that is filled while it is consumed shows less than its consumers take.</source>
        <translation>Estimation : la vitesse à laquelle la longueur a diminué. Les workers du serveur ne comptent pas ce qu&apos;ils poussent (un serveur d4-core) ; une file remplie pendant qu&apos;elle est consommée affiche donc moins que ce que ses consommateurs prennent.</translation>
    </message>
    <message>
        <source>Entries consumers took per second over the last seconds: entries pushed, minus the growth of the length, minus the entries dropped beyond the maximum size or flushed (%1 dropped in all).</source>
        <translation>Entrées prises par les consommateurs par seconde au cours des dernières secondes : entrées poussées, moins la croissance de la longueur, moins les entrées supprimées au-delà de la taille maximale ou vidées (%1 supprimées en tout).</translation>
    </message>
    <message>
        <source>Consumed</source>
        <translation>Consommé</translation>
    </message>
</context>
<context>
    <name>d4::ui::RemoteQueueBox</name>
    <message>
        <source>Remote analyzer queue</source>
        <translation>File d’analyseur distante</translation>
    </message>
    <message>
        <source>Passive DNS lines taken from another D4 server&apos;s analyzer queue ([Passive_DNS_Queue] in server.conf).</source>
        <translation>Lignes DNS passif prises dans la file d’analyseur d’un autre serveur D4 ([Passive_DNS_Queue] dans server.conf).</translation>
    </message>
    <message>
        <source>Queue:</source>
        <translation>File :</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>État :</translation>
    </message>
    <message>
        <source>Lines consumed:</source>
        <translation>Lignes consommées :</translation>
    </message>
    <message>
        <source>Rate:</source>
        <translation>Débit :</translation>
    </message>
    <message>
        <source>Batches:</source>
        <translation>Lots :</translation>
    </message>
    <message>
        <source>In flight:</source>
        <translation>En transit :</translation>
    </message>
    <message>
        <source>Rejected:</source>
        <translation>Rejetées :</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 sur %2</translation>
    </message>
    <message>
        <source>Lines taken from the remote queue and not yet stored; until they are, they stay in %1 on the remote Redis.</source>
        <translation>Lignes prises dans la file distante et pas encore enregistrées ; d’ici là, elles restent dans %1 sur le Redis distant.</translation>
    </message>
    <message>
        <source>empty line</source>
        <translation>ligne vide</translation>
    </message>
    <message>
        <source>too few fields</source>
        <translation>trop peu de champs</translation>
    </message>
    <message>
        <source>too many fields</source>
        <translation>trop de champs</translation>
    </message>
    <message>
        <source>bad timestamp</source>
        <translation>horodatage invalide</translation>
    </message>
    <message>
        <source>empty name</source>
        <translation>nom vide</translation>
    </message>
    <message>
        <source>bad type</source>
        <translation>type invalide</translation>
    </message>
    <message>
        <source>bad number</source>
        <translation>nombre invalide</translation>
    </message>
    <message>
        <source>bad JSON</source>
        <translation>JSON invalide</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Arrêté</translation>
    </message>
    <message numerus="yes">
        <source>Connected (%n reconnection(s))</source>
        <translation>
            <numerusform>Connecté (%n reconnexion(s))</numerusform>
            <numerusform>Connecté (%n reconnexion(s))</numerusform>
        </translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Connecté</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connexion…</translation>
    </message>
    <message numerus="yes">
        <source>Retrying (%n failure(s)): %1</source>
        <translation>
            <numerusform>Nouvel essai (%n échec(s)) : %1</numerusform>
            <numerusform>Nouvel essai (%n échec(s)) : %1</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1; %2 excluded</source>
        <translation>%1 ; %2 exclues</translation>
    </message>
    <message>
        <source>Last error at %1: %2</source>
        <translation>Dernière erreur le %1 : %2</translation>
    </message>
    <message>
        <source>Lines stored from the remote queue since start. Of these, %1 were recovered from the in-flight list after a reconnection; %2 more were found there already stored and were not stored again.</source>
        <translation>Lignes enregistrées depuis la file distante depuis le démarrage. Parmi elles, %1 ont été récupérées de la liste en transit après une reconnexion ; %2 autres y ont été trouvées déjà enregistrées et n’ont pas été enregistrées à nouveau.</translation>
    </message>
    <message>
        <source>Lines the analyzer could not parse, by reason (they are not stored), and lines skipped by the exclude list.</source>
        <translation>Lignes que l’analyseur n’a pas pu lire, par motif (elles ne sont pas enregistrées), et lignes écartées par la liste d’exclusion.</translation>
    </message>
    <message>
        <source>%1 lines/s</source>
        <translation>%1 lignes/s</translation>
    </message>
</context>
<context>
    <name>d4::ui::SensorPage</name>
    <message>
        <source>No sensor selected: double-click one on the Sensors page.</source>
        <translation>Aucun capteur sélectionné : double-cliquez sur l’un d’eux dans la page Capteurs.</translation>
    </message>
    <message>
        <source>First seen</source>
        <translation>Vu pour la première fois</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Vu pour la dernière fois</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Last IPs used</source>
        <translation>Dernières IP utilisées</translation>
    </message>
    <message>
        <source>Type directory</source>
        <translation>Répertoire du type</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Fichiers</translation>
    </message>
    <message>
        <source>Size (bytes)</source>
        <translation>Taille (octets)</translation>
    </message>
    <message>
        <source>Packets per type, last 7 days</source>
        <translation>Paquets par type, 7 derniers jours</translation>
    </message>
    <message>
        <source>packets</source>
        <translation>paquets</translation>
    </message>
    <message>
        <source>Files saved per type, last 7 days</source>
        <translation>Fichiers enregistrés par type, 7 derniers jours</translation>
    </message>
    <message>
        <source>files</source>
        <translation>fichiers</translation>
    </message>
    <message>
        <source>Manage</source>
        <translation>Gérer</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Change description</source>
        <translation>Modifier la description</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Description :</translation>
    </message>
    <message>
        <source>comma-separated, e.g. dmz, lab</source>
        <translation>séparés par des virgules, p. ex. dmz, labo</translation>
    </message>
    <message>
        <source>Change name and tags</source>
        <translation>Modifier le nom et les étiquettes</translation>
    </message>
    <message>
        <source>Tags:</source>
        <translation>Étiquettes :</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom :</translation>
    </message>
    <message>
        <source>&amp;Kick</source>
        <translation>&amp;Expulser</translation>
    </message>
    <message>
        <source>Close the sensor&apos;s connections; it cannot reconnect for 30 s</source>
        <translation>Fermer les connexions du capteur ; il ne peut pas se reconnecter pendant 30 s</translation>
    </message>
    <message>
        <source>Kick</source>
        <translation>Expulser</translation>
    </message>
    <message>
        <source>Clear statistics…</source>
        <translation>Effacer les statistiques…</translation>
    </message>
    <message>
        <source>Clear statistics</source>
        <translation>Effacer les statistiques</translation>
    </message>
    <message>
        <source>Delete every daily statistic of this sensor? Files and streams are kept.</source>
        <translation>Supprimer toutes les statistiques quotidiennes de ce capteur ? Les fichiers et les flux sont conservés.</translation>
    </message>
    <message>
        <source>Connection:</source>
        <translation>Connexion :</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>&amp;Monitor</source>
        <translation>&amp;Surveiller</translation>
    </message>
    <message>
        <source>Stop monitoring</source>
        <translation>Arrêter la surveillance</translation>
    </message>
    <message>
        <source>Monitor sensor</source>
        <translation>Surveiller le capteur</translation>
    </message>
    <message>
        <source>Maximum silence:</source>
        <translation>Silence maximal :</translation>
    </message>
    <message>
        <source>Set</source>
        <translation>Appliquer</translation>
    </message>
    <message>
        <source>Change stream max size</source>
        <translation>Modifier la taille maximale du flux</translation>
    </message>
    <message>
        <source>Stream max size:</source>
        <translation>Taille maximale du flux :</translation>
    </message>
    <message>
        <source>Blacklist UUID</source>
        <translation>Mettre l’UUID en liste noire</translation>
    </message>
    <message>
        <source>Unblacklist UUID</source>
        <translation>Retirer l’UUID de la liste noire</translation>
    </message>
    <message>
        <source>Blacklist IPs using this UUID</source>
        <translation>Mettre en liste noire les IP qui utilisent cet UUID</translation>
    </message>
    <message>
        <source>Blacklist IPs of UUID</source>
        <translation>Mettre en liste noire les IP de l’UUID</translation>
    </message>
    <message>
        <source>Unblacklist IPs of UUID</source>
        <translation>Retirer de la liste noire les IP de l’UUID</translation>
    </message>
    <message>
        <source>Blacklist:</source>
        <translation>Liste noire :</translation>
    </message>
    <message>
        <source>Change key</source>
        <translation>Modifier la clé</translation>
    </message>
    <message>
        <source>Change HMAC key</source>
        <translation>Modifier la clé HMAC</translation>
    </message>
    <message>
        <source>This key contains &amp; &lt; &gt; &quot; &apos; or an HTML entity such as &amp;amp;amp;. d4-core&apos;s web UI and registration API HTML-escape keys, so a sensor configured through them may hold a different key. The key is used exactly as stored here.</source>
        <translation>Cette clé contient &amp; &lt; &gt; &quot; &apos; ou une entité HTML telle que &amp;amp;amp;. L’interface web et l’API d’enregistrement de d4-core échappent les clés en HTML : un capteur configuré par leur biais peut donc détenir une clé différente. La clé est utilisée exactement telle qu’elle est enregistrée ici.</translation>
    </message>
    <message>
        <source>HMAC &amp;key:</source>
        <translation>&amp;Clé HMAC :</translation>
    </message>
    <message>
        <source>
Connected</source>
        <translation>
Connecté</translation>
    </message>
    <message>
        <source>
Monitored: SILENT</source>
        <translation>
Surveillé : SILENCIEUX</translation>
    </message>
    <message>
        <source>
Monitored</source>
        <translation>
Surveillé</translation>
    </message>
    <message>
        <source>default key</source>
        <translation>clé par défaut</translation>
    </message>
    <message>
        <source>No key of its own: the server&apos;s default key is used</source>
        <translation>Pas de clé propre : la clé par défaut du serveur est utilisée</translation>
    </message>
    <message>
        <source>The sensor&apos;s own key</source>
        <translation>La clé propre du capteur</translation>
    </message>
    <message>
        <source>Kicked less than 30 s ago</source>
        <translation>Expulsé il y a moins de 30 s</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Modifier</translation>
    </message>
    <message>
        <source>Unblacklist IPs using this UUID</source>
        <translation>Retirer de la liste noire les IP qui utilisent cet UUID</translation>
    </message>
    <message>
        <source> (connected)</source>
        <translation> (connecté)</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Tous</translation>
    </message>
</context>
<context>
    <name>d4::ui::SensorTableModel</name>
    <message>
        <source>, Connected</source>
        <translation>, connecté</translation>
    </message>
    <message>
        <source>, Silent</source>
        <translation>, silencieux</translation>
    </message>
    <message>
        <source>extended type %1</source>
        <translation>type étendu %1</translation>
    </message>
    <message>
        <source>● = connected now</source>
        <translation>● = connecté actuellement</translation>
    </message>
    <message>
        <source>UUID</source>
        <translation>UUID</translation>
    </message>
    <message>
        <source>Name / description</source>
        <translation>Nom / description</translation>
    </message>
    <message>
        <source>First seen</source>
        <translation>Vu pour la première fois</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Vu pour la dernière fois</translation>
    </message>
    <message>
        <source>Types</source>
        <translation>Types</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Packets today</source>
        <translation>Paquets aujourd’hui</translation>
    </message>
</context>
<context>
    <name>d4::ui::SensorsPage</name>
    <message>
        <source>Search UUID, name, description or tag; Enter on a UUID opens it</source>
        <translation>Rechercher un UUID, un nom, une description ou une étiquette ; Entrée sur un UUID l’ouvre</translation>
    </message>
    <message>
        <source>&amp;Connected only</source>
        <translation>&amp;Connectés uniquement</translation>
    </message>
    <message>
        <source>%1 of %2 sensors</source>
        <translation>%1 capteurs sur %2</translation>
    </message>
</context>
<context>
    <name>d4::ui::ServerPage</name>
    <message>
        <source>D4 server mode:</source>
        <translation>Mode du serveur D4 :</translation>
    </message>
    <message>
        <source>&amp;Registered and pending sensors</source>
        <translation>Capteurs &amp;enregistrés et en attente</translation>
    </message>
    <message>
        <source>&amp;IP blacklist</source>
        <translation>Liste noire &amp;IP</translation>
    </message>
    <message>
        <source>&amp;UUID blacklist</source>
        <translation>Liste noire &amp;UUID</translation>
    </message>
    <message>
        <source>Accepted &amp;types</source>
        <translation>&amp;Types acceptés</translation>
    </message>
    <message>
        <source>&amp;Analyzer queues</source>
        <translation>Files d’&amp;analyseurs</translation>
    </message>
    <message>
        <source>Registered sensors</source>
        <translation>Capteurs enregistrés</translation>
    </message>
    <message>
        <source>UUID</source>
        <translation>UUID</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>First seen</source>
        <translation>Vu pour la première fois</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Vu pour la dernière fois</translation>
    </message>
    <message>
        <source>&amp;Delete registration</source>
        <translation>&amp;Supprimer l’enregistrement</translation>
    </message>
    <message>
        <source>Delete registered sensor</source>
        <translation>Supprimer le capteur enregistré</translation>
    </message>
    <message>
        <source>Pending sensors</source>
        <translation>Capteurs en attente</translation>
    </message>
    <message>
        <source>Mail</source>
        <translation>Courriel</translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation>&amp;Approuver</translation>
    </message>
    <message>
        <source>De&amp;lete</source>
        <translation>Supp&amp;rimer</translation>
    </message>
    <message>
        <source>Approve sensor</source>
        <translation>Approuver le capteur</translation>
    </message>
    <message>
        <source>Delete pending sensor</source>
        <translation>Supprimer le capteur en attente</translation>
    </message>
    <message>
        <source>Approve new sensor UUID</source>
        <translation>Approuver un nouvel UUID de capteur</translation>
    </message>
    <message>
        <source>IP or CIDR, e.g. 192.0.2.7 or 198.51.100.0/24</source>
        <translation>IP ou CIDR, p. ex. 192.0.2.7 ou 198.51.100.0/24</translation>
    </message>
    <message>
        <source>Sensor UUID</source>
        <translation>UUID du capteur</translation>
    </message>
    <message>
        <source>&amp;Blacklist</source>
        <translation>Mettre en liste &amp;noire</translation>
    </message>
    <message>
        <source>&amp;Unblacklist</source>
        <translation>&amp;Retirer de la liste noire</translation>
    </message>
    <message>
        <source>Blacklist a range</source>
        <translation>Mettre une plage en liste noire</translation>
    </message>
    <message>
        <source>%1 covers %2 addresses; each is stored as one entry. Continue?</source>
        <translation>%1 couvre %2 adresses ; chacune est enregistrée comme une entrée. Continuer ?</translation>
    </message>
    <message>
        <source>Blacklist IP</source>
        <translation>Mettre l’IP en liste noire</translation>
    </message>
    <message>
        <source>Unblacklist IP</source>
        <translation>Retirer l’IP de la liste noire</translation>
    </message>
    <message>
        <source>Blacklist UUID</source>
        <translation>Mettre l’UUID en liste noire</translation>
    </message>
    <message>
        <source>Unblacklist UUID</source>
        <translation>Retirer l’UUID de la liste noire</translation>
    </message>
    <message>
        <source>IP</source>
        <translation>IP</translation>
    </message>
    <message>
        <source>Blacklisted IP</source>
        <translation>IP en liste noire</translation>
    </message>
    <message>
        <source>Blacklisted UUID</source>
        <translation>UUID en liste noire</translation>
    </message>
    <message>
        <source>◀ Previous</source>
        <translation>◀ Précédent</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>Suivant ▶</translation>
    </message>
    <message>
        <source>Remove selected</source>
        <translation>Retirer la sélection</translation>
    </message>
    <message>
        <source>page %1 of %2 (%3 entries)</source>
        <translation>page %1 sur %2 (%3 entrées)</translation>
    </message>
    <message>
        <source>Accepted types</source>
        <translation>Types acceptés</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Remove type</source>
        <translation>Retirer le type</translation>
    </message>
    <message>
        <source>Remove accepted type</source>
        <translation>Retirer le type accepté</translation>
    </message>
    <message>
        <source>Accepted extended types</source>
        <translation>Types étendus acceptés</translation>
    </message>
    <message>
        <source>Extended type</source>
        <translation>Type étendu</translation>
    </message>
    <message>
        <source>Remove extended type</source>
        <translation>Retirer le type étendu</translation>
    </message>
    <message>
        <source>Add a type</source>
        <translation>Ajouter un type</translation>
    </message>
    <message>
        <source>name, for 254</source>
        <translation>nom, pour 254</translation>
    </message>
    <message>
        <source>&amp;Add type</source>
        <translation>&amp;Ajouter le type</translation>
    </message>
    <message>
        <source>Add accepted type</source>
        <translation>Ajouter un type accepté</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>Type :</translation>
    </message>
    <message>
        <source>Extended type name:</source>
        <translation>Nom du type étendu :</translation>
    </message>
    <message>
        <source>d4-core re-adds its default types and ja3-jl at every start.</source>
        <translation>d4-core rajoute ses types par défaut et ja3-jl à chaque démarrage.</translation>
    </message>
    <message>
        <source>Add &amp;new queue…</source>
        <translation>Ajouter une &amp;nouvelle file…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Modifier…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>&amp;Flush</source>
        <translation>&amp;Vider</translation>
    </message>
    <message>
        <source>Change &amp;max size</source>
        <translation>Modifier la taille ma&amp;ximale</translation>
    </message>
    <message>
        <source>line length </source>
        <translation>longueur de ligne </translation>
    </message>
    <message>
        <source>&amp;Sample…</source>
        <translation>É&amp;chantillon…</translation>
    </message>
    <message>
        <source>Delete queue</source>
        <translation>Supprimer la file</translation>
    </message>
    <message>
        <source>Delete queue %1 and its entries?</source>
        <translation>Supprimer la file %1 et ses entrées ?</translation>
    </message>
    <message>
        <source>Flush queue</source>
        <translation>Vider la file</translation>
    </message>
    <message>
        <source>Change queue max size</source>
        <translation>Modifier la taille maximale de la file</translation>
    </message>
    <message>
        <source>Create queue</source>
        <translation>Créer la file</translation>
    </message>
    <message>
        <source>Edit queue</source>
        <translation>Modifier la file</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <source> (no built-in worker)</source>
        <translation> (pas de worker intégré)</translation>
    </message>
</context>
<context>
    <name>d4::ui::SettingsDialog</name>
    <message>
        <source>Welcome to D4 Console</source>
        <translation>Bienvenue dans la Console D4</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Run a D4 server inside the console (ingest, workers and its own redis-server), or attach to the Redis of a running server, such as a d4-core deployment.</source>
        <translation>Exécuter un serveur D4 dans la console (collecte, workers et son propre redis-server), ou se rattacher au Redis d’un serveur en fonctionnement, par exemple un déploiement d4-core.</translation>
    </message>
    <message>
        <source>&amp;Embedded server (recommended)</source>
        <translation>Serveur &amp;intégré (recommandé)</translation>
    </message>
    <message>
        <source>&amp;Attach to an existing server&apos;s Redis</source>
        <translation>Se &amp;rattacher au Redis d’un serveur existant</translation>
    </message>
    <message>
        <source>Embedded server</source>
        <translation>Serveur intégré</translation>
    </message>
    <message>
        <source>optional server.conf; replaces the fields below</source>
        <translation>server.conf facultatif ; remplace les champs ci-dessous</translation>
    </message>
    <message>
        <source>server.conf:</source>
        <translation>server.conf :</translation>
    </message>
    <message>
        <source>default: the user&apos;s data location</source>
        <translation>par défaut : l’emplacement des données de l’utilisateur</translation>
    </message>
    <message>
        <source>Data directory:</source>
        <translation>Répertoire de données :</translation>
    </message>
    <message>
        <source>TLS port:</source>
        <translation>Port TLS :</translation>
    </message>
    <message>
        <source>registration</source>
        <translation>enregistrement</translation>
    </message>
    <message>
        <source>shared-secret</source>
        <translation>secret partagé</translation>
    </message>
    <message>
        <source>Mode:</source>
        <translation>Mode :</translation>
    </message>
    <message>
        <source>Default HMAC key:</source>
        <translation>Clé HMAC par défaut :</translation>
    </message>
    <message>
        <source>generated when empty (ECDSA P-256)</source>
        <translation>générée si vide (ECDSA P-256)</translation>
    </message>
    <message>
        <source>TLS certificate:</source>
        <translation>Certificat TLS :</translation>
    </message>
    <message>
        <source>TLS private key:</source>
        <translation>Clé privée TLS :</translation>
    </message>
    <message>
        <source>Attach to Redis (host:port/db or unix:/path/db)</source>
        <translation>Rattachement à Redis (hôte:port/base ou unix:/chemin/base)</translation>
    </message>
    <message>
        <source>METADATA:</source>
        <translation>METADATA :</translation>
    </message>
    <message>
        <source>STREAM:</source>
        <translation>STREAM :</translation>
    </message>
    <message>
        <source>ANALYZER:</source>
        <translation>ANALYZER :</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <source>Server mode:</source>
        <translation>Mode du serveur :</translation>
    </message>
    <message>
        <source>Interface</source>
        <translation>Interface</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Langue du système</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Langue :</translation>
    </message>
    <message>
        <source>A language change takes effect after a restart.</source>
        <translation>Un changement de langue prend effet au prochain démarrage.</translation>
    </message>
    <message>
        <source>&amp;Dark palette</source>
        <translation>Palette &amp;sombre</translation>
    </message>
    <message>
        <source>Connection and server changes take effect after a restart.</source>
        <translation>Les changements de connexion et de serveur prennent effet au prochain démarrage.</translation>
    </message>
    <message>
        <source>optional: the server&apos;s passive DNS store</source>
        <translation>facultatif : la base DNS passive du serveur</translation>
    </message>
    <message>
        <source>The [Redis_PDNS] endpoint of the attached server (its managed Redis: database 3). When set, the Passive DNS page searches that store and charts its counters.</source>
        <translation>Le point d&apos;accès [Redis_PDNS] du serveur rattaché (son Redis géré : base 3). S&apos;il est renseigné, la page DNS passif interroge cette base et trace ses compteurs.</translation>
    </message>
    <message>
        <source>PDNS:</source>
        <translation>PDNS :</translation>
    </message>
</context>
<context>
    <name>d4::ui::ThroughputChart</name>
    <message>
        <source>Ingest throughput</source>
        <translation>Débit de collecte</translation>
    </message>
    <message>
        <source>packets/s</source>
        <translation>paquets/s</translation>
    </message>
    <message>
        <source>MB/s</source>
        <translation>Mo/s</translation>
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
        <translation>Serveur de collecte du réseau de capteurs D4 (sans interface graphique).

Sans --config, il écoute sur le port 4443 en mode enregistrement et lance son propre
redis-server dans le répertoire de données. Chaque clé est décrite dans docs/configuration.md.

Codes de sortie : 0 arrêt normal, 1 erreur d’exécution (Redis, TLS, port),
2 ligne de commande ou fichier de configuration invalide.</translation>
    </message>
    <message>
        <source>Read the server configuration from &lt;file&gt; (server.conf format).</source>
        <translation>Lire la configuration du serveur dans &lt;fichier&gt; (format server.conf).</translation>
    </message>
    <message>
        <source>file</source>
        <translation>fichier</translation>
    </message>
    <message>
        <source>Listen on &lt;port&gt; instead of server_port (0 picks a free port).</source>
        <translation>Écouter sur &lt;port&gt; au lieu de server_port (0 choisit un port libre).</translation>
    </message>
    <message>
        <source>port</source>
        <translation>port</translation>
    </message>
    <message>
        <source>Use &lt;dir&gt; as data_directory.</source>
        <translation>Utiliser &lt;répertoire&gt; comme data_directory.</translation>
    </message>
    <message>
        <source>dir</source>
        <translation>répertoire</translation>
    </message>
    <message>
        <source>Log debug messages.</source>
        <translation>Journaliser les messages de débogage.</translation>
    </message>
    <message>
        <source>Run the embedded server from &lt;file&gt; (server.conf format, as d4-server).</source>
        <translation>Exécuter le serveur intégré d’après &lt;fichier&gt; (format server.conf, comme d4-server).</translation>
    </message>
    <message>
        <source>Attach to the Redis endpoints of the settings instead of running a server.</source>
        <translation>Se rattacher aux points d’accès Redis des paramètres au lieu d’exécuter un serveur.</translation>
    </message>
    <message>
        <source>Run the embedded server even when the settings say attach.</source>
        <translation>Exécuter le serveur intégré même si les paramètres indiquent un rattachement.</translation>
    </message>
    <message>
        <source>Embedded server: listen on &lt;port&gt;.</source>
        <translation>Serveur intégré : écouter sur &lt;port&gt;.</translation>
    </message>
    <message>
        <source>Embedded server: use &lt;dir&gt; as data directory.</source>
        <translation>Serveur intégré : utiliser &lt;répertoire&gt; comme répertoire de données.</translation>
    </message>
    <message>
        <source>Show the settings dialog before starting.</source>
        <translation>Afficher la boîte de dialogue des paramètres avant de démarrer.</translation>
    </message>
    <message>
        <source>D4 Console: manage a D4 sensor network and analyse its data.

Without options it runs the D4 server in-process (port 4443, registration mode, its own
redis-server under the data directory), or attaches to existing Redis endpoints when the
settings say so (chosen in the first-run dialog, File &gt; Settings).

Exit codes: 0 success, 1 runtime error, 2 invalid command line or configuration.</source>
        <translation>Console D4 : gérer un réseau de capteurs D4 et analyser ses données.

Sans option, elle exécute le serveur D4 dans son propre processus (port 4443, mode enregistrement,
son propre redis-server dans le répertoire de données), ou se rattache à des points d’accès Redis
existants si les paramètres l’indiquent (choisis au premier lancement, Fichier &gt; Paramètres).

Codes de sortie : 0 succès, 1 erreur d’exécution, 2 ligne de commande ou configuration invalide.</translation>
    </message>
    <message>
        <source>attached to %1</source>
        <translation>rattachée à %1</translation>
    </message>
    <message>
        <source>--port: not a port number</source>
        <translation>--port : ce n’est pas un numéro de port</translation>
    </message>
    <message>
        <source>The embedded server did not start: %1

Check File &gt; Settings or run with --attach.</source>
        <translation>Le serveur intégré n’a pas démarré : %1

Vérifiez Fichier &gt; Paramètres ou lancez avec --attach.</translation>
    </message>
    <message>
        <source>embedded server on port %1</source>
        <translation>serveur intégré sur le port %1</translation>
    </message>
    <message>
        <source>Passive DNS</source>
        <translation>DNS passif</translation>
    </message>
    <message>
        <source>Backscatter</source>
        <translation>Backscatter</translation>
    </message>
    <message>
        <source>Capture files or folders to import (pcap, pcapng, gzip).</source>
        <translation>Fichiers de capture ou dossiers à importer (pcap, pcapng, gzip).</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importer</translation>
    </message>
    <message>
        <source>Import captures</source>
        <translation>Importer des captures</translation>
    </message>
    <message>
        <source>Captures (*.pcap *.pcapng *.cap *.gz);;All files (*)</source>
        <translation>Captures (*.pcap *.pcapng *.cap *.gz);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Sharing</source>
        <translation>Partage</translation>
    </message>
</context>
</TS>
