<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About ARR Session Manager</source>
        <translation>Über ARR Session Manager</translation>
    </message>
    <message>
        <source>ARR Session Manager</source>
        <translation>ARR Session Manager</translation>
    </message>
    <message>
        <source>Watch, create, extend and stop remote-rendering sessions across accounts, with a live countdown of every lease and a trace (MS-CV) of every call for support.</source>
        <translation>Sitzungen für Remote Rendering über mehrere Konten beobachten, erstellen, verlängern und stoppen – mit einem Live-Countdown jeder Laufzeit und einer Ablaufverfolgung (MS-CV) jedes Aufrufs für den Support.</translation>
    </message>
</context>
<context>
    <name>AccountEditDialog</name>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>A name for this account, e.g. Production</source>
        <translation>Ein Name für dieses Konto, z. B. Produktion</translation>
    </message>
    <message>
        <source>&amp;Region:</source>
        <translation>&amp;Region:</translation>
    </message>
    <message>
        <source>&amp;Service endpoint:</source>
        <translation>&amp;Dienstendpunkt:</translation>
    </message>
    <message>
        <source>https://remoterendering.example.com</source>
        <translation>https://remoterendering.example.com</translation>
    </message>
    <message>
        <source>&amp;Token service:</source>
        <translation>&amp;Tokendienst:</translation>
    </message>
    <message>
        <source>Account &amp;id:</source>
        <translation>Konto-&amp;ID:</translation>
    </message>
    <message>
        <source>01234567-89ab-cdef-0123-456789abcdef</source>
        <translation>01234567-89ab-cdef-0123-456789abcdef</translation>
    </message>
    <message>
        <source>Account &amp;key:</source>
        <translation>Konto&amp;schlüssel:</translation>
    </message>
    <message>
        <source>Sho&amp;w</source>
        <translation>&amp;Anzeigen</translation>
    </message>
    <message>
        <source>&amp;Watch this account&apos;s sessions</source>
        <translation>Sitzungen dieses Kontos &amp;beobachten</translation>
    </message>
    <message>
        <source>&amp;API version:</source>
        <translation>A&amp;PI-Version:</translation>
    </message>
    <message>
        <source>The session API the service speaks: v1 (2019) or the GA API 2021-01-01</source>
        <translation>Die Sitzungs-API, die der Dienst spricht: v1 (2019) oder die GA-API 2021-01-01</translation>
    </message>
    <message>
        <source>&amp;Read-only (watch only: no create, extend, stop or keep-alive)</source>
        <translation>Nur &amp;lesen (nur beobachten: kein Erstellen, Verlängern, Stoppen oder Aktivhalten)</translation>
    </message>
    <message>
        <source>Daily &amp;budget:</source>
        <translation>Tagesb&amp;udget:</translation>
    </message>
    <message>
        <source>Alerts when 80 % and 100 % of this is spent in a day: an amount in the prices&apos; currency when prices are set (Preferences), billed hours otherwise</source>
        <translation>Warnt, wenn an einem Tag 80 % und 100 % davon verbraucht sind: ein Betrag in der Währung der Preise, wenn Preise festgelegt sind (Einstellungen), sonst abgerechnete Stunden</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keins</translation>
    </message>
    <message>
        <source>Alert when &amp;ready longer than:</source>
        <translation>&amp;Warnen, wenn länger bereit als:</translation>
    </message>
    <message>
        <source>An alert, once a day per session, for a session that has been ready for longer than this</source>
        <translation>Eine Warnung, einmal am Tag je Sitzung, für eine Sitzung, die länger als diese Zeit bereit ist</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source> h</source>
        <translation> h</translation>
    </message>
</context>
<context>
    <name>AccountsDialog</name>
    <message>
        <source>Accounts</source>
        <translation>Konten</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Service endpoint</source>
        <translation>Dienstendpunkt</translation>
    </message>
    <message>
        <source>Account id</source>
        <translation>Konto-ID</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Tick an account to watch its sessions; untick it to stop polling it without removing it.</source>
        <translation>Haken Sie ein Konto an, um seine Sitzungen zu beobachten; entfernen Sie den Haken, um es nicht mehr abzufragen, ohne es zu löschen.</translation>
    </message>
    <message>
        <source>Show the built-in &amp;local emulator (demo sessions served on this computer)</source>
        <translation>Den integrierten &amp;lokalen Emulator anzeigen (Demo-Sitzungen auf diesem Rechner)</translation>
    </message>
</context>
<context>
    <name>CreateSessionDialog</name>
    <message>
        <source>New session</source>
        <translation>Neue Sitzung</translation>
    </message>
    <message>
        <source>&amp;Account:</source>
        <translation>&amp;Konto:</translation>
    </message>
    <message>
        <source>&amp;Size:</source>
        <translation>&amp;Größe:</translation>
    </message>
    <message>
        <source>&amp;Lease:</source>
        <translation>&amp;Laufzeit:</translation>
    </message>
    <message>
        <source> h</source>
        <translation> h</translation>
    </message>
    <message>
        <source>Lease hours</source>
        <translation>Laufzeit in Stunden</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Lease minutes</source>
        <translation>Laufzeit in Minuten</translation>
    </message>
    <message>
        <source>between 1 minute and 24 hours; the session stops when it runs out</source>
        <translation>zwischen 1 Minute und 24 Stunden; die Sitzung endet, wenn sie abläuft</translation>
    </message>
    <message>
        <source>&amp;Models:</source>
        <translation>&amp;Modelle:</translation>
    </message>
    <message>
        <source>Optional: URLs of models to preload, one per line</source>
        <translation>Optional: URLs vorab zu ladender Modelle, eine pro Zeile</translation>
    </message>
    <message>
        <source>Session &amp;id:</source>
        <translation>Sitzungs-&amp;ID:</translation>
    </message>
</context>
<context>
    <name>DetailsPane</name>
    <message>
        <source>Session details</source>
        <translation>Sitzungsdetails</translation>
    </message>
    <message>
        <source>Account:</source>
        <translation>Konto:</translation>
    </message>
    <message>
        <source>Session ID:</source>
        <translation>Sitzungs-ID:</translation>
    </message>
    <message>
        <source>Copy ID</source>
        <translation>ID kopieren</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>Größe:</translation>
    </message>
    <message>
        <source>Hostname:</source>
        <translation>Hostname:</translation>
    </message>
    <message>
        <source>Copy hostname</source>
        <translation>Hostname kopieren</translation>
    </message>
    <message>
        <source>Elapsed:</source>
        <translation>Verstrichen:</translation>
    </message>
    <message>
        <source>Lease:</source>
        <translation>Laufzeit:</translation>
    </message>
    <message>
        <source>Remaining:</source>
        <translation>Restzeit:</translation>
    </message>
    <message>
        <source>Lease ends:</source>
        <translation>Laufzeitende:</translation>
    </message>
    <message>
        <source>Message:</source>
        <translation>Meldung:</translation>
    </message>
    <message>
        <source>Teraflops:</source>
        <translation>Teraflops:</translation>
    </message>
    <message>
        <source>Handshake port:</source>
        <translation>Handshake-Port:</translation>
    </message>
    <message>
        <source>Inspector port:</source>
        <translation>Inspector-Port:</translation>
    </message>
    <message>
        <source>Created:</source>
        <translation>Erstellt:</translation>
    </message>
    <message>
        <source>Error code:</source>
        <translation>Fehlercode:</translation>
    </message>
    <message>
        <source>Last MS-CV:</source>
        <translation>Letzter MS-CV:</translation>
    </message>
    <message>
        <source>Copy MS-CV</source>
        <translation>MS-CV kopieren</translation>
    </message>
    <message>
        <source>In progress:</source>
        <translation>In Arbeit:</translation>
    </message>
    <message>
        <source>Open &amp;Inspector</source>
        <translation>&amp;Inspector öffnen</translation>
    </message>
    <message>
        <source>Created by:</source>
        <translation>Erstellt von:</translation>
    </message>
    <message>
        <source>Changed by:</source>
        <translation>Geändert von:</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Message:</source>
        <translation>Meldung:</translation>
    </message>
    <message>
        <source>Service code:</source>
        <translation>Dienstcode:</translation>
    </message>
    <message>
        <source>MS-CV:</source>
        <translation>MS-CV:</translation>
    </message>
    <message>
        <source>Copy MS-CV</source>
        <translation>MS-CV kopieren</translation>
    </message>
    <message>
        <source>Copy details for support</source>
        <translation>Details für den Support kopieren</translation>
    </message>
</context>
<context>
    <name>ExtendSessionDialog</name>
    <message>
        <source>Extend lease</source>
        <translation>Laufzeit verlängern</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Sitzung</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Current lease</source>
        <translation>Aktuelle Laufzeit</translation>
    </message>
    <message>
        <source>Remaining</source>
        <translation>Restzeit</translation>
    </message>
    <message>
        <source>New lease</source>
        <translation>Neue Laufzeit</translation>
    </message>
    <message>
        <source>E&amp;xtend by</source>
        <translation>Verlängern &amp;um</translation>
    </message>
    <message>
        <source> h</source>
        <translation> h</translation>
    </message>
    <message>
        <source>Hours to add</source>
        <translation>Hinzuzufügende Stunden</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Minutes to add</source>
        <translation>Hinzuzufügende Minuten</translation>
    </message>
    <message>
        <source>+30 min</source>
        <translation>+30 min</translation>
    </message>
    <message>
        <source>+1 h</source>
        <translation>+1 h</translation>
    </message>
    <message>
        <source>Set the lease &amp;to</source>
        <translation>Laufzeit &amp;setzen auf</translation>
    </message>
    <message>
        <source>New lease hours</source>
        <translation>Neue Laufzeit in Stunden</translation>
    </message>
    <message>
        <source>New lease minutes</source>
        <translation>Neue Laufzeit in Minuten</translation>
    </message>
    <message>
        <source>counted from the session&apos;s start</source>
        <translation>ab dem Start der Sitzung gerechnet</translation>
    </message>
</context>
<context>
    <name>HistoryStore</name>
    <message>
        <source>Session history is off: %1 (%2).</source>
        <translation>Der Sitzungsverlauf ist aus: %1 (%2).</translation>
    </message>
    <message>
        <source>the folder %1 cannot be created</source>
        <translation>der Ordner %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>permission denied or disk full</source>
        <translation>Zugriff verweigert oder Datenträger voll</translation>
    </message>
    <message>
        <source>The session history file was damaged; it was kept as %1 and a new history was started.</source>
        <translation>Die Datei des Sitzungsverlaufs war beschädigt; sie wurde als %1 aufbewahrt und ein neuer Verlauf begonnen.</translation>
    </message>
    <message>
        <source>%1 cannot be used</source>
        <translation>%1 kann nicht verwendet werden</translation>
    </message>
    <message>
        <source>%1 was written by a newer version</source>
        <translation>%1 wurde von einer neueren Version geschrieben</translation>
    </message>
    <message>
        <source>schema %1</source>
        <translation>Schema %1</translation>
    </message>
    <message>
        <source>%1 cannot be upgraded</source>
        <translation>%1 kann nicht aktualisiert werden</translation>
    </message>
    <message>
        <source>%1 cannot be written</source>
        <translation>%1 kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>gone from the list without a final status</source>
        <translation>ohne abschließenden Status aus der Liste verschwunden</translation>
    </message>
    <message>
        <source>a statement failed</source>
        <translation>eine Anweisung ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>%1 is not a session history</source>
        <translation>%1 ist kein Sitzungsverlauf</translation>
    </message>
    <message>
        <source>it holds other tables</source>
        <translation>die Datei enthält andere Tabellen</translation>
    </message>
    <message>
        <source>The session history %1 cannot be read (%2).</source>
        <translation>Der Sitzungsverlauf %1 kann nicht gelesen werden (%2).</translation>
    </message>
    <message>
        <source>Already ready when first seen: the time follows from the service&apos;s elapsed time</source>
        <translation>Beim ersten Sehen schon bereit: die Zeit folgt aus der verstrichenen Zeit des Dienstes</translation>
    </message>
    <message>
        <source>Session history is off: %1</source>
        <translation>Der Sitzungsverlauf ist aus: %1</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>&amp;Poll every:</source>
        <translation>&amp;Abfragen alle:</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Remaining turns &amp;amber under:</source>
        <translation>Restzeit wird &amp;gelb unter:</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Remaining turns &amp;red under:</source>
        <translation>Restzeit wird &amp;rot unter:</translation>
    </message>
    <message>
        <source>&amp;Warn before a lease ends:</source>
        <translation>&amp;Warnen vor Laufzeitende:</translation>
    </message>
    <message>
        <source>Show &amp;notifications (ready, lease running out, failed, expired)</source>
        <translation>&amp;Benachrichtigungen anzeigen (bereit, Laufzeit läuft ab, fehlgeschlagen, abgelaufen)</translation>
    </message>
    <message>
        <source>Prices</source>
        <translation>Preise</translation>
    </message>
    <message>
        <source>&amp;Currency:</source>
        <translation>Wä&amp;hrung:</translation>
    </message>
    <message>
        <source>ISO code, e.g. EUR</source>
        <translation>ISO-Code, z. B. EUR</translation>
    </message>
    <message>
        <source>Prices &amp;for:</source>
        <translation>Preise &amp;für:</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Price per hour</source>
        <translation>Preis pro Stunde</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <source>Takes effect at the next start.</source>
        <translation>Wird beim nächsten Start wirksam.</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Allgemein</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
</context>
<context>
    <name>arr</name>
    <message>
        <source>The team database&apos;s URL asks for sslmode &quot;%1&quot;; it must be one of %2.</source>
        <translation>Die URL der Team-Datenbank verlangt sslmode „%1“; erlaubt ist einer von %2.</translation>
    </message>
    <message>
        <source>The team database&apos;s URL has connect_timeout &quot;%1&quot;; it must be a number of seconds.</source>
        <translation>Die URL der Team-Datenbank hat connect_timeout „%1“; das muss eine Zahl von Sekunden sein.</translation>
    </message>
    <message>
        <source>The team database&apos;s URL has an application_name with spaces or quotes.</source>
        <translation>Die URL der Team-Datenbank hat einen application_name mit Leerzeichen oder Anführungszeichen.</translation>
    </message>
    <message>
        <source>The team database&apos;s URL has the option &quot;%1&quot;, which is not one of sslmode, connect_timeout and application_name.</source>
        <translation>Die URL der Team-Datenbank hat die Option „%1“, die keine von sslmode, connect_timeout und application_name ist.</translation>
    </message>
</context>
<context>
    <name>arr::AboutDialog</name>
    <message>
        <source>Version %1 (Qt %2)</source>
        <translation>Version %1 (Qt %2)</translation>
    </message>
</context>
<context>
    <name>arr::Account</name>
    <message>
        <source>The account id is empty.</source>
        <translation>Die Konto-ID ist leer.</translation>
    </message>
    <message>
        <source>The account id &quot;%1&quot; is not a GUID such as 01234567-89ab-cdef-0123-456789abcdef.</source>
        <translation>Die Konto-ID „%1“ ist keine GUID wie 01234567-89ab-cdef-0123-456789abcdef.</translation>
    </message>
    <message>
        <source>The account has no name.</source>
        <translation>Das Konto hat keinen Namen.</translation>
    </message>
    <message>
        <source>The account name contains a control character, a line break or a text-direction mark; use letters, digits, spaces and punctuation.</source>
        <translation>Der Kontoname enthält ein Steuerzeichen, einen Zeilenumbruch oder eine Schreibrichtungsmarke; verwenden Sie Buchstaben, Ziffern, Leerzeichen und Satzzeichen.</translation>
    </message>
    <message>
        <source>The account name is longer than %1 characters.</source>
        <translation>Der Kontoname ist länger als %1 Zeichen.</translation>
    </message>
    <message>
        <source>The account key is empty.</source>
        <translation>Der Kontoschlüssel ist leer.</translation>
    </message>
    <message>
        <source>The account key contains a character that is not in a key (a control character, a line break, a space or a non-ASCII character); a key is base64 text.</source>
        <translation>Der Kontoschlüssel enthält ein Zeichen, das in keinem Schlüssel vorkommt (ein Steuerzeichen, einen Zeilenumbruch, ein Leerzeichen oder ein Nicht-ASCII-Zeichen); ein Schlüssel ist Base64-Text.</translation>
    </message>
    <message>
        <source>No endpoint address is given.</source>
        <translation>Es ist keine Endpunktadresse angegeben.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; contains a user name or password, which this app never sends; give the address without them (the key is given separately).</source>
        <translation>„%1“ enthält einen Benutzernamen oder ein Passwort, die diese App nie sendet; geben Sie die Adresse ohne sie an (der Schlüssel wird getrennt angegeben).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid address: %2</source>
        <translation>„%1“ ist keine gültige Adresse: %2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; has no host name.</source>
        <translation>„%1“ hat keinen Hostnamen.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; uses plain http, which would send the account key unencrypted; use https (plain http is allowed only for this computer&apos;s own address, such as the local emulator).</source>
        <translation>„%1“ verwendet unverschlüsseltes http, das den Kontoschlüssel im Klartext senden würde; verwenden Sie https (http ist nur für die eigene Adresse dieses Rechners erlaubt, etwa für den lokalen Emulator).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must start with https://.</source>
        <translation>„%1“ muss mit https:// beginnen.</translation>
    </message>
    <message>
        <source>Service endpoint: %1</source>
        <translation>Dienstendpunkt: %1</translation>
    </message>
    <message>
        <source>Token endpoint: %1</source>
        <translation>Token-Endpunkt: %1</translation>
    </message>
    <message>
        <source>The daily budget must be a number from 0 (none) to %L1.</source>
        <translation>Das Tagesbudget muss eine Zahl von 0 (keins) bis %L1 sein.</translation>
    </message>
    <message>
        <source>The long-running alert must be from 0 (off) to %1 hours.</source>
        <translation>Die Warnung für lange Laufzeiten muss zwischen 0 (aus) und %1 Stunden liegen.</translation>
    </message>
</context>
<context>
    <name>arr::AccountEditDialog</name>
    <message>
        <source>Add account</source>
        <translation>Konto hinzufügen</translation>
    </message>
    <message>
        <source>Edit account %1</source>
        <translation>Konto %1 bearbeiten</translation>
    </message>
    <message>
        <source>Custom endpoint…</source>
        <translation>Eigener Endpunkt…</translation>
    </message>
    <message>
        <source>v1 (2019)</source>
        <translation>v1 (2019)</translation>
    </message>
    <message>
        <source>2021-01-01 (GA)</source>
        <translation>2021-01-01 (GA)</translation>
    </message>
    <message>
        <source>The key is stored in the system keychain, never in a settings file.</source>
        <translation>Der Schlüssel wird im Schlüsselbund des Systems gespeichert, nie in einer Einstellungsdatei.</translation>
    </message>
    <message>
        <source>No system keychain is available: the key is kept in memory for this run only and must be entered again next time. It is never written to a file.</source>
        <translation>Kein Schlüsselbund des Systems verfügbar: Der Schlüssel gilt nur für diesen Programmlauf und muss beim nächsten Start neu eingegeben werden. Er wird nie in eine Datei geschrieben.</translation>
    </message>
    <message>
        <source>Leave empty to keep the stored key</source>
        <translation>Leer lassen, um den gespeicherten Schlüssel zu behalten</translation>
    </message>
    <message>
        <source>The primary or secondary key of the account</source>
        <translation>Der primäre oder sekundäre Schlüssel des Kontos</translation>
    </message>
</context>
<context>
    <name>arr::AccountManager</name>
    <message>
        <source>No key is stored for %1: open Accounts, edit it and enter its key.</source>
        <translation>Für %1 ist kein Schlüssel gespeichert: Öffnen Sie „Konten“, bearbeiten Sie das Konto und geben Sie seinen Schlüssel ein.</translation>
    </message>
    <message>
        <source>The key of %1 is not known in this run (keys cannot be saved without a keychain): open Accounts, edit it and enter its key.</source>
        <translation>Der Schlüssel von %1 ist in diesem Programmlauf nicht bekannt (ohne Schlüsselbund können Schlüssel nicht gespeichert werden): Öffnen Sie „Konten“, bearbeiten Sie das Konto und geben Sie seinen Schlüssel ein.</translation>
    </message>
    <message>
        <source>The key of %1 could not be read: %2</source>
        <translation>Der Schlüssel von %1 konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>The key of %1 could not be stored: %2</source>
        <translation>Der Schlüssel von %1 konnte nicht gespeichert werden: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n saved accounts could not be read; the details list them.</source>
        <translation>
            <numerusform>%n gespeichertes Konto konnte nicht gelesen werden; die Details nennen den Grund.</numerusform>
            <numerusform>%n gespeicherte Konten konnten nicht gelesen werden; die Details listen sie auf.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 und %n weiteres</numerusform>
            <numerusform>%1 und %n weitere</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n accounts have no key: %1. Open Accounts, edit each and enter its key.</source>
        <translation>
            <numerusform>%n Konto hat keinen Schlüssel: %1. Öffnen Sie „Konten“, bearbeiten Sie es und geben Sie seinen Schlüssel ein.</numerusform>
            <numerusform>%n Konten haben keinen Schlüssel: %1. Öffnen Sie „Konten“, bearbeiten Sie jedes und geben Sie seinen Schlüssel ein.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n accounts have no key in this run (keys cannot be saved without a keychain): %1. Open Accounts, edit each and enter its key.</source>
        <translation>
            <numerusform>%n Konto hat in diesem Programmlauf keinen Schlüssel (ohne Schlüsselbund können Schlüssel nicht gespeichert werden): %1. Öffnen Sie „Konten“, bearbeiten Sie es und geben Sie seinen Schlüssel ein.</numerusform>
            <numerusform>%n Konten haben in diesem Programmlauf keinen Schlüssel (ohne Schlüsselbund können Schlüssel nicht gespeichert werden): %1. Öffnen Sie „Konten“, bearbeiten Sie jedes und geben Sie seinen Schlüssel ein.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The keys of %n accounts could not be read: %1.</source>
        <translation>
            <numerusform>Der Schlüssel von %n Konto konnte nicht gelesen werden: %1.</numerusform>
            <numerusform>Die Schlüssel von %n Konten konnten nicht gelesen werden: %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The keys of %n accounts could not be stored: %1.</source>
        <translation>
            <numerusform>Der Schlüssel von %n Konto konnte nicht gespeichert werden: %1.</numerusform>
            <numerusform>Die Schlüssel von %n Konten konnten nicht gespeichert werden: %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Give the account a name.</source>
        <translation>Geben Sie dem Konto einen Namen.</translation>
    </message>
    <message>
        <source>The name &quot;%1&quot; is kept for the built-in emulator; choose another.</source>
        <translation>Der Name „%1“ ist für den integrierten Emulator reserviert; wählen Sie einen anderen.</translation>
    </message>
    <message>
        <source>There is already an account named &quot;%1&quot;.</source>
        <translation>Es gibt bereits ein Konto namens „%1“.</translation>
    </message>
    <message>
        <source>The account key contains spaces; paste it again exactly as the portal shows it.</source>
        <translation>Der Kontoschlüssel enthält Leerzeichen; fügen Sie ihn erneut genau so ein, wie das Portal ihn zeigt.</translation>
    </message>
    <message>
        <source>Enter the account key.</source>
        <translation>Geben Sie den Kontoschlüssel ein.</translation>
    </message>
    <message>
        <source>The account id changed: enter the key of the new account id.</source>
        <translation>Die Konto-ID hat sich geändert: Geben Sie den Schlüssel der neuen Konto-ID ein.</translation>
    </message>
</context>
<context>
    <name>arr::AccountStatusBar</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 (%n failures)</source>
        <translation>
            <numerusform>%1: %2 (%n Fehlschlag)</numerusform>
            <numerusform>%1: %2 (%n Fehlschläge)</numerusform>
        </translation>
    </message>
    <message>
        <source>, last good poll %1</source>
        <translation>, letzte erfolgreiche Abfrage %1</translation>
    </message>
    <message>
        <source>, no good poll yet</source>
        <translation>, noch keine erfolgreiche Abfrage</translation>
    </message>
    <message>
        <source>Last good poll: %1</source>
        <translation>Letzte erfolgreiche Abfrage: %1</translation>
    </message>
    <message>
        <source>Last error: %1</source>
        <translation>Letzter Fehler: %1</translation>
    </message>
    <message>
        <source>Next try in %1 s</source>
        <translation>Nächster Versuch in %1 s</translation>
    </message>
    <message numerus="yes">
        <source>%n accounts: %1</source>
        <translation>
            <numerusform>%n Konto: %1</numerusform>
            <numerusform>%n Konten: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… und %n weiteres</numerusform>
            <numerusform>… und %n weitere</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>arr::AccountStore</name>
    <message>
        <source>Saved account %1 (&quot;%2&quot;) was not loaded: its API version &quot;%3&quot; is unknown.</source>
        <translation>Das gespeicherte Konto %1 („%2“) wurde nicht geladen: Seine API-Version „%3“ ist unbekannt.</translation>
    </message>
    <message>
        <source>Saved account %1 (&quot;%2&quot;) was not loaded: %3</source>
        <translation>Das gespeicherte Konto %1 („%2“) wurde nicht geladen: %3</translation>
    </message>
    <message>
        <source>Saved account &quot;%1&quot; appears twice; the second was ignored.</source>
        <translation>Das gespeicherte Konto „%1“ kommt zweimal vor; das zweite wurde ignoriert.</translation>
    </message>
    <message>
        <source>There is already an account named &quot;%1&quot;.</source>
        <translation>Es gibt bereits ein Konto namens „%1“.</translation>
    </message>
</context>
<context>
    <name>arr::AccountsDialog</name>
    <message>
        <source>Demo mode always shows the local emulator.</source>
        <translation>Im Demo-Modus wird der lokale Emulator immer angezeigt.</translation>
    </message>
    <message>
        <source>Account keys are stored in the system keychain, never in a settings file.</source>
        <translation>Kontoschlüssel werden im Schlüsselbund des Systems gespeichert, nie in einer Einstellungsdatei.</translation>
    </message>
    <message>
        <source>&lt;b&gt;No system keychain is available.&lt;/b&gt; Account keys are kept in memory for this run only and must be entered again after a restart; they are never written to a file.</source>
        <translation>&lt;b&gt;Kein Schlüsselbund des Systems verfügbar.&lt;/b&gt; Kontoschlüssel werden nur für diesen Programmlauf im Speicher gehalten und müssen nach einem Neustart erneut eingegeben werden; sie werden nie in eine Datei geschrieben.</translation>
    </message>
    <message>
        <source>Watched</source>
        <translation>Beobachtet</translation>
    </message>
    <message>
        <source>Not watched</source>
        <translation>Nicht beobachtet</translation>
    </message>
    <message>
        <source>Remove account</source>
        <translation>Konto entfernen</translation>
    </message>
    <message>
        <source>Remove the account &quot;%1&quot; and delete its key from the keychain?

Sessions of the account keep running (and costing) on the service; they are only no longer shown here.</source>
        <translation>Das Konto „%1“ entfernen und seinen Schlüssel aus dem Schlüsselbund löschen?

Sitzungen des Kontos laufen beim Dienst weiter (und verursachen Kosten); sie werden hier nur nicht mehr angezeigt.</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>%1 entfernen</translation>
    </message>
</context>
<context>
    <name>arr::ApiJob</name>
    <message>
        <source>The request was cancelled.</source>
        <translation>Die Anforderung wurde abgebrochen.</translation>
    </message>
    <message>
        <source>The service refused a freshly issued token: %1</source>
        <translation>Der Dienst hat ein frisch ausgestelltes Token abgelehnt: %1</translation>
    </message>
    <message>
        <source>The session %1 may have been created anyway; creating it again with the same id is safe: the service answers a repeat with the same session.</source>
        <translation>Die Sitzung %1 wurde möglicherweise trotzdem erstellt; sie mit derselben ID erneut zu erstellen, ist sicher: Der Dienst beantwortet eine Wiederholung mit derselben Sitzung.</translation>
    </message>
    <message>
        <source>The session may have been created anyway; it was not requested again. Refresh the list before creating another.</source>
        <translation>Die Sitzung wurde möglicherweise trotzdem erstellt; sie wurde nicht erneut angefordert. Aktualisieren Sie die Liste, bevor Sie eine weitere erstellen.</translation>
    </message>
    <message>
        <source>The session list went on past %1 pages; the poll stopped there.</source>
        <translation>Die Sitzungsliste ging über %1 Seiten hinaus; die Abfrage wurde dort beendet.</translation>
    </message>
    <message>
        <source>The service answered about session %1 when asked about session %2; the answer was not used.</source>
        <translation>Der Dienst hat zu Sitzung %1 geantwortet, gefragt war nach Sitzung %2; die Antwort wurde nicht verwendet.</translation>
    </message>
    <message>
        <source>Session %1 is listed twice; the list was not used.</source>
        <translation>Sitzung %1 ist zweimal aufgeführt; die Liste wurde nicht verwendet.</translation>
    </message>
    <message>
        <source>The session list links back to a page it has already given; the poll stopped there.</source>
        <translation>Die Sitzungsliste verweist auf eine Seite zurück, die sie schon geliefert hat; die Abfrage wurde dort beendet.</translation>
    </message>
</context>
<context>
    <name>arr::ApiResult</name>
    <message>
        <source>The service refused the request as invalid.</source>
        <translation>Der Dienst hat die Anforderung als ungültig abgelehnt.</translation>
    </message>
    <message>
        <source>The service did not accept the credentials. Check the account id and key.</source>
        <translation>Der Dienst hat die Anmeldedaten nicht akzeptiert. Prüfen Sie Konto-ID und Schlüssel.</translation>
    </message>
    <message>
        <source>This account may not do that.</source>
        <translation>Dieses Konto darf das nicht.</translation>
    </message>
    <message>
        <source>Not found: the session or account does not exist (any more).</source>
        <translation>Nicht gefunden: Die Sitzung oder das Konto existiert nicht (mehr).</translation>
    </message>
    <message>
        <source>The request conflicts with the session&apos;s current state.</source>
        <translation>Die Anforderung steht im Widerspruch zum aktuellen Zustand der Sitzung.</translation>
    </message>
    <message>
        <source>The service could not apply the request.</source>
        <translation>Der Dienst konnte die Anforderung nicht ausführen.</translation>
    </message>
    <message>
        <source>The service is throttling requests; try again shortly.</source>
        <translation>Der Dienst drosselt Anforderungen; versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>The service had an internal error.</source>
        <translation>Beim Dienst ist ein interner Fehler aufgetreten.</translation>
    </message>
    <message>
        <source>A gateway in front of the service failed.</source>
        <translation>Ein dem Dienst vorgeschaltetes Gateway ist ausgefallen.</translation>
    </message>
    <message>
        <source>The service is unavailable for now.</source>
        <translation>Der Dienst ist derzeit nicht verfügbar.</translation>
    </message>
    <message>
        <source>The service answered with a redirect, which is not followed: check the endpoint.</source>
        <translation>Der Dienst hat mit einer Umleitung geantwortet, der nicht gefolgt wird: Prüfen Sie den Endpunkt.</translation>
    </message>
    <message>
        <source>The service failed (status %1).</source>
        <translation>Beim Dienst ist ein Fehler aufgetreten (Status %1).</translation>
    </message>
    <message>
        <source>The service answered with an unexpected status %1.</source>
        <translation>Der Dienst hat mit einem unerwarteten Status %1 geantwortet.</translation>
    </message>
    <message>
        <source>no error</source>
        <translation>kein Fehler</translation>
    </message>
    <message>
        <source>configuration error</source>
        <translation>Konfigurationsfehler</translation>
    </message>
    <message>
        <source>network error</source>
        <translation>Netzwerkfehler</translation>
    </message>
    <message>
        <source>timed out</source>
        <translation>Zeitüberschreitung</translation>
    </message>
    <message>
        <source>TLS error</source>
        <translation>TLS-Fehler</translation>
    </message>
    <message>
        <source>authentication failed</source>
        <translation>Authentifizierung fehlgeschlagen</translation>
    </message>
    <message>
        <source>forbidden</source>
        <translation>verboten</translation>
    </message>
    <message>
        <source>not found</source>
        <translation>nicht gefunden</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>abgelehnt</translation>
    </message>
    <message>
        <source>throttled</source>
        <translation>gedrosselt</translation>
    </message>
    <message>
        <source>service error</source>
        <translation>Dienstfehler</translation>
    </message>
    <message>
        <source>unusable answer</source>
        <translation>unbrauchbare Antwort</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>HTTP %1: %2</source>
        <translation>HTTP %1: %2</translation>
    </message>
    <message>
        <source>The service did not answer in time.</source>
        <translation>Der Dienst hat nicht rechtzeitig geantwortet.</translation>
    </message>
    <message>
        <source>The secure connection failed: %1</source>
        <translation>Die sichere Verbindung ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>The request was cancelled.</source>
        <translation>Die Anforderung wurde abgebrochen.</translation>
    </message>
    <message>
        <source>The connection was refused: is the endpoint right and the service running?</source>
        <translation>Die Verbindung wurde abgelehnt: Stimmt der Endpunkt und läuft der Dienst?</translation>
    </message>
    <message>
        <source>The host was not found: check the endpoint and the network.</source>
        <translation>Der Host wurde nicht gefunden: Prüfen Sie den Endpunkt und das Netzwerk.</translation>
    </message>
    <message>
        <source>The connection was closed before an answer arrived.</source>
        <translation>Die Verbindung wurde geschlossen, bevor eine Antwort eintraf.</translation>
    </message>
    <message>
        <source>The request failed: %1</source>
        <translation>Die Anforderung ist fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>arr::BudgetWatch</name>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>%1 has spent %2 today, its whole daily budget of %3.</source>
        <translation>%1 hat heute %2 verbraucht, sein gesamtes Tagesbudget von %3.</translation>
    </message>
    <message>
        <source>%1 has spent %2 today, %3 % of its daily budget of %4.</source>
        <translation>%1 hat heute %2 verbraucht, %3 % seines Tagesbudgets von %4.</translation>
    </message>
    <message numerus="yes">
        <source>Session %1 (%2) has been ready for %3, longer than the %n hour(s) its account allows.</source>
        <translation>
            <numerusform>Die Sitzung %1 (%2) ist seit %3 bereit, länger als die %n Stunde, die ihr Konto erlaubt.</numerusform>
            <numerusform>Die Sitzung %1 (%2) ist seit %3 bereit, länger als die %n Stunden, die ihr Konto erlaubt.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>arr::Cost</name>
    <message>
        <source>&quot;%1&quot; is not a price: write the size, &quot;=&quot; and a price per hour of zero or more, as in &quot;standard=3.5&quot;.</source>
        <translation>„%1“ ist kein Preis: Schreiben Sie die Größe, „=“ und einen Preis pro Stunde von null oder mehr, etwa „standard=3.5“.</translation>
    </message>
    <message>
        <source>%1 unpriced</source>
        <translation>%1 ohne Preis</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
</context>
<context>
    <name>arr::CostStatusLabel</name>
    <message numerus="yes">
        <source>%n session(s) ready</source>
        <translation>
            <numerusform>%n Sitzung bereit</numerusform>
            <numerusform>%n Sitzungen bereit</numerusform>
        </translation>
    </message>
    <message>
        <source>%1/h</source>
        <translation>%1/h</translation>
    </message>
    <message>
        <source>Burn rate %1</source>
        <translation>Kostenrate %1</translation>
    </message>
    <message>
        <source>Today %1</source>
        <translation>Heute %1</translation>
    </message>
    <message>
        <source>(example prices)</source>
        <translation>(Beispielpreise)</translation>
    </message>
    <message>
        <source>billed</source>
        <translation>abgerechnet</translation>
    </message>
    <message>
        <source>The demo uses example prices, not real ones.</source>
        <translation>Die Demo verwendet Beispielpreise, keine echten.</translation>
    </message>
    <message>
        <source>No prices are set: cost is shown as billed time (time ready). Set prices in Preferences.</source>
        <translation>Es sind keine Preise festgelegt: Die Kosten werden als abgerechnete Zeit (Zeit im Zustand „Bereit“) angezeigt. Legen Sie Preise in den Einstellungen fest.</translation>
    </message>
    <message>
        <source>Today counts the sessions billed since midnight: those listed now and, from the session history, those that ended.</source>
        <translation>„Heute“ zählt die seit Mitternacht abgerechneten Sitzungen: die jetzt aufgeführten und, aus dem Sitzungsverlauf, die beendeten.</translation>
    </message>
    <message>
        <source>Today counts the sessions this window has watched since midnight.</source>
        <translation>„Heute“ zählt die Sitzungen, die dieses Fenster seit Mitternacht beobachtet hat.</translation>
    </message>
    <message>
        <source>%1: %2 now, %3 today</source>
        <translation>%1: %2 jetzt, %3 heute</translation>
    </message>
</context>
<context>
    <name>arr::CreateSessionDialog</name>
    <message>
        <source>&amp;Create</source>
        <translation>&amp;Erstellen</translation>
    </message>
    <message>
        <source>Optional: models to preload, one URL per line, e.g.
https://account.blob.core.windows.net/models/engine.arrAsset</source>
        <translation>Optional: vorab zu ladende Modelle, eine URL pro Zeile, z. B.
https://account.blob.core.windows.net/models/engine.arrAsset</translation>
    </message>
    <message>
        <source>Optional: letters, digits, - and _; a new UUID when empty</source>
        <translation>Optional: Buchstaben, Ziffern, - und _; leer für eine neue UUID</translation>
    </message>
    <message>
        <source>Named by the service (v1 API)</source>
        <translation>Vom Dienst vergeben (v1-API)</translation>
    </message>
    <message>
        <source>Enter the lease hours as a whole number.</source>
        <translation>Geben Sie die Stunden der Laufzeit als ganze Zahl ein.</translation>
    </message>
    <message>
        <source>Enter the lease minutes as a whole number from 0 to 59.</source>
        <translation>Geben Sie die Minuten der Laufzeit als ganze Zahl von 0 bis 59 ein.</translation>
    </message>
    <message>
        <source>There is no account to create a session in: add one under Accounts first.</source>
        <translation>Es gibt kein Konto, in dem eine Sitzung erstellt werden kann: Fügen Sie zuerst unter „Konten“ eines hinzu.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a size this API version is known to offer; the service may refuse it.</source>
        <translation>„%1“ ist keine Größe, die diese API-Version bekanntermaßen anbietet; der Dienst lehnt sie möglicherweise ab.</translation>
    </message>
</context>
<context>
    <name>arr::DesktopCommandLine</name>
    <message>
        <source>Watch, create, extend and stop remote-rendering sessions across accounts.</source>
        <translation>Sitzungen für Remote Rendering über mehrere Konten beobachten, erstellen, verlängern und stoppen.</translation>
    </message>
    <message>
        <source>Start with the built-in local emulator alone, with demo sessions. Saved accounts are neither loaded nor changed.</source>
        <translation>Nur mit dem integrierten lokalen Emulator und Demo-Sitzungen starten. Gespeicherte Konten werden weder geladen noch geändert.</translation>
    </message>
    <message>
        <source>Read and write preferences and accounts in &lt;file&gt; (an ini file) instead of the default location.</source>
        <translation>Einstellungen und Konten aus &lt;Datei&gt; (einer INI-Datei) lesen und dorthin schreiben statt an den Standardort.</translation>
    </message>
    <message>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>With --demo, add &lt;count&gt; more ready sessions to the demo account (up to 100000), to try the app at scale.</source>
        <translation>Mit --demo dem Demo-Konto &lt;Anzahl&gt; weitere bereite Sitzungen hinzufügen (bis 100000), um die App mit vielen Sitzungen auszuprobieren.</translation>
    </message>
    <message>
        <source>count</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <source>Watch only: sessions of every account can be seen, not created, extended, stopped or kept alive.</source>
        <translation>Nur beobachten: Sitzungen aller Konten sind sichtbar, können aber nicht erstellt, verlängert, gestoppt oder aktiv gehalten werden.</translation>
    </message>
    <message>
        <source>Unexpected argument: %1</source>
        <translation>Unerwartetes Argument: %1</translation>
    </message>
    <message>
        <source>--settings needs a file name.</source>
        <translation>--settings braucht einen Dateinamen.</translation>
    </message>
    <message>
        <source>--settings &quot;%1&quot; is not a regular file.</source>
        <translation>--settings „%1“ ist keine reguläre Datei.</translation>
    </message>
    <message>
        <source>--demo-sessions takes a whole number from 0 to 100000, not &quot;%1&quot;.</source>
        <translation>--demo-sessions erwartet eine ganze Zahl von 0 bis 100000, nicht „%1“.</translation>
    </message>
    <message>
        <source>--demo-sessions goes with --demo.</source>
        <translation>--demo-sessions geht nur zusammen mit --demo.</translation>
    </message>
    <message>
        <source>Open a window even when one is running on the same settings; it only watches.</source>
        <translation>Ein Fenster öffnen, auch wenn schon eines mit denselben Einstellungen läuft; es beobachtet nur.</translation>
    </message>
</context>
<context>
    <name>arr::DetailsPane</name>
    <message>
        <source>Session ID</source>
        <translation>Sitzungs-ID</translation>
    </message>
    <message>
        <source>Hostname</source>
        <translation>Hostname</translation>
    </message>
    <message>
        <source>MS-CV of the last call</source>
        <translation>MS-CV des letzten Aufrufs</translation>
    </message>
    <message>
        <source>Copied session id %1</source>
        <translation>Sitzungs-ID %1 kopiert</translation>
    </message>
    <message>
        <source>Copied hostname %1</source>
        <translation>Hostname %1 kopiert</translation>
    </message>
    <message>
        <source>Copied MS-CV %1</source>
        <translation>MS-CV %1 kopiert</translation>
    </message>
    <message>
        <source>Select a session to see its details.</source>
        <translation>Wählen Sie eine Sitzung aus, um ihre Details zu sehen.</translation>
    </message>
    <message numerus="yes">
        <source>%n sessions selected.
Extend and Stop apply to all of them.</source>
        <translation>
            <numerusform>%n Sitzung ausgewählt.
Verlängern und Stoppen gelten für sie.</numerusform>
            <numerusform>%n Sitzungen ausgewählt.
Verlängern und Stoppen gelten für alle.</numerusform>
        </translation>
    </message>
    <message>
        <source>– (ended)</source>
        <translation>– (beendet)</translation>
    </message>
    <message>
        <source>Open %1 in the web browser</source>
        <translation>%1 im Webbrowser öffnen</translation>
    </message>
</context>
<context>
    <name>arr::EmptyStatePage</name>
    <message>
        <source>Add an account…</source>
        <translation>Konto hinzufügen…</translation>
    </message>
    <message>
        <source>Try the local emulator</source>
        <translation>Lokalen Emulator ausprobieren</translation>
    </message>
    <message>
        <source>New session…</source>
        <translation>Neue Sitzung…</translation>
    </message>
    <message>
        <source>Edit account…</source>
        <translation>Konto bearbeiten…</translation>
    </message>
    <message>
        <source>No accounts yet</source>
        <translation>Noch keine Konten</translation>
    </message>
    <message>
        <source>Add your remote-rendering account to see and manage its sessions here. Or try the built-in local emulator first: it runs on this computer with demo sessions in every state, nothing to set up.</source>
        <translation>Fügen Sie Ihr Remote-Rendering-Konto hinzu, um seine Sitzungen hier zu sehen und zu verwalten. Oder probieren Sie zuerst den integrierten lokalen Emulator aus: Er läuft auf diesem Rechner mit Demo-Sitzungen in jedem Zustand, ohne jede Einrichtung.</translation>
    </message>
    <message>
        <source>Add your remote-rendering account to see and manage its sessions here.</source>
        <translation>Fügen Sie Ihr Remote-Rendering-Konto hinzu, um seine Sitzungen hier zu sehen und zu verwalten.</translation>
    </message>
    <message>
        <source>Asking for sessions…</source>
        <translation>Sitzungen werden abgefragt…</translation>
    </message>
    <message>
        <source>Sessions appear here as soon as the service answers. The status bar below shows how each account is doing; the request log shows every call.</source>
        <translation>Sitzungen erscheinen hier, sobald der Dienst antwortet. Die Statusleiste unten zeigt, wie es um jedes Konto steht; das Anforderungsprotokoll zeigt jeden Aufruf.</translation>
    </message>
    <message>
        <source>%1 cannot be asked for sessions</source>
        <translation>%1 kann nicht nach Sitzungen gefragt werden</translation>
    </message>
    <message>
        <source>Its settings need correcting before anything can be asked.</source>
        <translation>Seine Einstellungen müssen korrigiert werden, bevor etwas abgefragt werden kann.</translation>
    </message>
    <message>
        <source>Edit %1…</source>
        <translation>%1 bearbeiten…</translation>
    </message>
    <message>
        <source>No sessions</source>
        <translation>Keine Sitzungen</translation>
    </message>
    <message>
        <source>None of your accounts has a session right now. Start one with New session (%1).</source>
        <translation>Keines Ihrer Konten hat gerade eine Sitzung. Starten Sie eine mit „Neue Sitzung“ (%1).</translation>
    </message>
</context>
<context>
    <name>arr::ErrorDialog</name>
    <message>
        <source>(the service gave no message)</source>
        <translation>(der Dienst hat keine Meldung geliefert)</translation>
    </message>
    <message>
        <source>(none: no answer carried one)</source>
        <translation>(keiner: keine Antwort enthielt einen)</translation>
    </message>
    <message>
        <source>HTTP %1 (%2)</source>
        <translation>HTTP %1 (%2)</translation>
    </message>
    <message>
        <source>No HTTP answer (%1)</source>
        <translation>Keine HTTP-Antwort (%1)</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <source>Message: %1</source>
        <translation>Meldung: %1</translation>
    </message>
    <message>
        <source>Service code: %1</source>
        <translation>Dienstcode: %1</translation>
    </message>
    <message>
        <source>MS-CV: %1</source>
        <translation>MS-CV: %1</translation>
    </message>
    <message>
        <source>Attempts: %1</source>
        <translation>Versuche: %1</translation>
    </message>
</context>
<context>
    <name>arr::ExtendSessionDialog</name>
    <message>
        <source>&amp;Extend</source>
        <translation>&amp;Verlängern</translation>
    </message>
    <message>
        <source>Extend the lease of session %1 (%2).</source>
        <translation>Die Laufzeit der Sitzung %1 (%2) verlängern.</translation>
    </message>
    <message numerus="yes">
        <source>Extend the lease of %n sessions.</source>
        <translation>
            <numerusform>Die Laufzeit von %n Sitzung verlängern.</numerusform>
            <numerusform>Die Laufzeit von %n Sitzungen verlängern.</numerusform>
        </translation>
    </message>
    <message>
        <source>Keep &amp;alive…</source>
        <translation>&amp;Aktiv halten…</translation>
    </message>
    <message>
        <source>Extend this session automatically, up to a limit, instead of once</source>
        <translation>Diese Sitzung bis zu einer Grenze automatisch verlängern statt einmalig</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>Enter the hours and minutes as whole numbers.</source>
        <translation>Geben Sie Stunden und Minuten als ganze Zahlen ein.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>a session id, then why it cannot take the new lease</comment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>No session to extend.</source>
        <translation>Keine Sitzung zum Verlängern.</translation>
    </message>
</context>
<context>
    <name>arr::GaCodec</name>
    <message>
        <source>The answer is larger than any answer of this service can be.</source>
        <translation>Die Antwort ist größer, als eine Antwort dieses Dienstes sein kann.</translation>
    </message>
    <message>
        <source>The answer is HTML, not JSON: is the endpoint right?</source>
        <translation>Die Antwort ist HTML, nicht JSON: Stimmt der Endpunkt?</translation>
    </message>
    <message>
        <source>The answer is not valid JSON (%1 at byte %2).</source>
        <translation>Die Antwort ist kein gültiges JSON (Byte %2: %1).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; has the wrong type.</source>
        <translation>„%1“ hat den falschen Typ.</translation>
    </message>
    <message>
        <source>A session has no &quot;id&quot;.</source>
        <translation>Eine Sitzung hat keine „id“.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; should be a whole number of minutes.</source>
        <translation>„%1“ sollte eine ganze Zahl von Minuten sein.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; should be a port number from 1 to 65535.</source>
        <translation>„%1“ sollte eine Portnummer von 1 bis 65535 sein.</translation>
    </message>
    <message>
        <source>&quot;teraflops&quot; should be a number.</source>
        <translation>„teraflops“ sollte eine Zahl sein.</translation>
    </message>
    <message>
        <source>&quot;creationTime&quot; is not an ISO 8601 time: %1</source>
        <translation>„creationTime“ ist keine Zeit nach ISO 8601: %1</translation>
    </message>
    <message>
        <source>The answer is not a session object.</source>
        <translation>Die Antwort ist kein Sitzungsobjekt.</translation>
    </message>
    <message>
        <source>The answer is not a session list.</source>
        <translation>Die Antwort ist keine Sitzungsliste.</translation>
    </message>
    <message>
        <source>&quot;sessions&quot; is not a list.</source>
        <translation>„sessions“ ist keine Liste.</translation>
    </message>
    <message>
        <source>Session %1 of the list is not an object.</source>
        <translation>Sitzung %1 der Liste ist kein Objekt.</translation>
    </message>
    <message>
        <source>Session %1 of the list: %2</source>
        <translation>Sitzung %1 der Liste: %2</translation>
    </message>
    <message>
        <source>&quot;@nextLink&quot; is not an address.</source>
        <translation>„@nextLink“ ist keine Adresse.</translation>
    </message>
</context>
<context>
    <name>arr::HistoryAlertsList</name>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Session ID</source>
        <translation>Sitzungs-ID</translation>
    </message>
    <message>
        <source>Given by</source>
        <translation>Ausgelöst von</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>(the account)</source>
        <translation>(das Konto)</translation>
    </message>
</context>
<context>
    <name>arr::HistoryChart</name>
    <message>
        <source>No sessions in this range</source>
        <translation>Keine Sitzungen in diesem Zeitraum</translation>
    </message>
    <message>
        <source>Cost per day by account (sessions without a price are not included)</source>
        <translation>Kosten pro Tag nach Konto (Sitzungen ohne Preis sind nicht enthalten)</translation>
    </message>
    <message>
        <source>Cost per day by account</source>
        <translation>Kosten pro Tag nach Konto</translation>
    </message>
    <message>
        <source>Billed hours per day by account (the costs are in several currencies)</source>
        <translation>Abgerechnete Stunden pro Tag nach Konto (die Kosten sind in mehreren Währungen)</translation>
    </message>
    <message>
        <source>Billed hours per day by account (no prices set)</source>
        <translation>Abgerechnete Stunden pro Tag nach Konto (keine Preise festgelegt)</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Stunden</translation>
    </message>
</context>
<context>
    <name>arr::HistoryEventsPane</name>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source>Extended</source>
        <translation>Verlängert</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Gestoppt</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Abgelaufen</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Gone from the list</source>
        <translation>Aus der Liste verschwunden</translation>
    </message>
    <message>
        <source>Command failed</source>
        <translation>Befehl fehlgeschlagen</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
    <message>
        <source>MS-CV</source>
        <translation>MS-CV</translation>
    </message>
    <message>
        <source>Events of session %1 (%2)</source>
        <translation>Ereignisse der Sitzung %1 (%2)</translation>
    </message>
    <message>
        <source>No events were recorded for this session.</source>
        <translation>Für diese Sitzung wurden keine Ereignisse aufgezeichnet.</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>Alert: ready too long</source>
        <translation>Warnung: zu lange bereit</translation>
    </message>
    <message>
        <source>Keep-alive ended</source>
        <translation>Aktivhalten beendet</translation>
    </message>
    <message>
        <source>Keep-alive gave up</source>
        <translation>Aktivhalten aufgegeben</translation>
    </message>
</context>
<context>
    <name>arr::HistoryLauncher</name>
    <message>
        <source>&amp;History…</source>
        <translation>&amp;Verlauf…</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>No history is kept in demo mode: its sessions are made up.</source>
        <translation>Im Demo-Modus wird kein Verlauf geführt: Seine Sitzungen sind erfunden.</translation>
    </message>
    <message>
        <source>Past sessions, their billed time and cost (%1)</source>
        <translation>Vergangene Sitzungen, ihre abgerechnete Zeit und ihre Kosten (%1)</translation>
    </message>
    <message numerus="yes">
        <source>%n session(s) of this computer are in the team&apos;s history; </source>
        <translation>
            <numerusform>%n Sitzung dieses Computers ist im Team-Verlauf; </numerusform>
            <numerusform>%n Sitzungen dieses Computers sind im Team-Verlauf; </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) added.</source>
        <translation>
            <numerusform>%n Ereignis hinzugefügt.</numerusform>
            <numerusform>%n Ereignisse hinzugefügt.</numerusform>
        </translation>
    </message>
    <message>
        <source>This computer&apos;s history could not be copied: %1</source>
        <translation>Der Verlauf dieses Computers konnte nicht kopiert werden: %1</translation>
    </message>
</context>
<context>
    <name>arr::HistoryLocation</name>
    <message>
        <source>The team database&apos;s URL must look like postgresql://user@host:5432/database?sslmode=require.</source>
        <translation>Die URL der Team-Datenbank muss so aussehen: postgresql://benutzer@host:5432/datenbank?sslmode=require.</translation>
    </message>
    <message>
        <source>The team database&apos;s URL must not end with a #fragment.</source>
        <translation>Die URL der Team-Datenbank darf nicht mit einem #Fragment enden.</translation>
    </message>
    <message>
        <source>The team database&apos;s URL names the database &quot;%1&quot;; a name has no slash.</source>
        <translation>Die URL der Team-Datenbank nennt die Datenbank „%1“; ein Name enthält keinen Schrägstrich.</translation>
    </message>
    <message>
        <source>The team database&apos;s URL holds a password: leave it out, and keep it in the keychain (Preferences) or give it in PGPASSWORD or ~/.pgpass.</source>
        <translation>Die URL der Team-Datenbank enthält ein Passwort: Lassen Sie es weg und bewahren Sie es im Schlüsselbund auf (Einstellungen) oder geben Sie es in PGPASSWORD oder ~/.pgpass an.</translation>
    </message>
    <message>
        <source>A team database needs at least its server&apos;s name and the database&apos;s name.</source>
        <translation>Eine Team-Datenbank braucht mindestens den Namen ihres Servers und den Namen der Datenbank.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a server&apos;s name.</source>
        <translation>„%1“ ist kein Servername.</translation>
    </message>
</context>
<context>
    <name>arr::HistoryOutbox</name>
    <message>
        <source>Records for the team history cannot be kept in %1: %2</source>
        <translation>Einträge für den Team-Verlauf können nicht in %1 aufbewahrt werden: %2</translation>
    </message>
    <message>
        <source>Records for the team history cannot be read from %1: %2</source>
        <translation>Einträge für den Team-Verlauf können nicht aus %1 gelesen werden: %2</translation>
    </message>
    <message>
        <source>Records for the team history cannot be removed from %1: %2</source>
        <translation>Einträge für den Team-Verlauf können nicht aus %1 entfernt werden: %2</translation>
    </message>
</context>
<context>
    <name>arr::HistoryRangePicker</name>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>Diese Woche</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>Dieser Monat</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Benutzerdefiniert</translation>
    </message>
    <message>
        <source>&amp;Range:</source>
        <translation>&amp;Zeitraum:</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Von:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Bis:</translation>
    </message>
</context>
<context>
    <name>arr::HistoryRecorder</name>
    <message>
        <source>Automatic (keep-alive): %1</source>
        <translation>Automatisch (Aktivhalten): %1</translation>
    </message>
    <message numerus="yes">
        <source>%1 Nothing is lost: %n change(s) wait and are written as soon as the file can be written again.</source>
        <translation>
            <numerusform>%1 Nichts geht verloren: %n Änderung wartet und wird geschrieben, sobald die Datei wieder beschreibbar ist.</numerusform>
            <numerusform>%1 Nichts geht verloren: %n Änderungen warten und werden geschrieben, sobald die Datei wieder beschreibbar ist.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Team history unreachable since %1; %n record(s) waiting.</source>
        <translation>
            <numerusform>Team-Verlauf seit %1 nicht erreichbar; %n Eintrag wartet.</numerusform>
            <numerusform>Team-Verlauf seit %1 nicht erreichbar; %n Einträge warten.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>arr::HistoryStore</name>
    <message>
        <source>Qt&apos;s PostgreSQL driver (QPSQL) is not installed</source>
        <translation>Der PostgreSQL-Treiber von Qt (QPSQL) ist nicht installiert</translation>
    </message>
    <message>
        <source>the team database %1 cannot be reached</source>
        <translation>die Team-Datenbank %1 ist nicht erreichbar</translation>
    </message>
    <message>
        <source>The team history %1 was written by a newer version of this program (schema %2; this one knows %3): it is shown, but nothing is written to it until this program is updated.</source>
        <translation>Der Team-Verlauf %1 wurde von einer neueren Version dieses Programms geschrieben (Schema %2; diese kennt %3): Er wird angezeigt, aber nichts wird hineingeschrieben, bis dieses Programm aktualisiert ist.</translation>
    </message>
    <message>
        <source>%1 cannot be opened</source>
        <translation>%1 kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>%1 is not a session history</source>
        <translation>%1 ist kein Sitzungsverlauf</translation>
    </message>
    <message>
        <source>it holds tables named sessions or events without a schema version</source>
        <translation>sie enthält Tabellen namens sessions oder events ohne Schemaversion</translation>
    </message>
    <message>
        <source>%1 cannot be upgraded</source>
        <translation>%1 kann nicht aktualisiert werden</translation>
    </message>
    <message>
        <source>The team history %1 was written by a newer version of this program: it is shown, but nothing is written to it until this program is updated.</source>
        <translation>Der Team-Verlauf %1 wurde von einer neueren Version dieses Programms geschrieben: Er wird angezeigt, aber nichts wird hineingeschrieben, bis dieses Programm aktualisiert ist.</translation>
    </message>
    <message>
        <source>%1 cannot be written</source>
        <translation>%1 kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>The session history %1 cannot be read (%2).</source>
        <translation>Der Sitzungsverlauf %1 kann nicht gelesen werden (%2).</translation>
    </message>
</context>
<context>
    <name>arr::HistoryTableModel</name>
    <message>
        <source>%1 (gone from the list)</source>
        <translation>%1 (aus der Liste verschwunden)</translation>
    </message>
    <message>
        <source>created here</source>
        <translation>hier erstellt</translation>
    </message>
    <message>
        <source>stopped here</source>
        <translation>hier gestoppt</translation>
    </message>
    <message>
        <source>No price was set for this size when the session was recorded.</source>
        <translation>Für diese Größe war kein Preis festgelegt, als die Sitzung aufgezeichnet wurde.</translation>
    </message>
    <message>
        <source>The session disappeared from the list without a final status; it is closed at its last known state.</source>
        <translation>Die Sitzung ist ohne abschließenden Status aus der Liste verschwunden; sie wird mit ihrem letzten bekannten Zustand abgeschlossen.</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Session ID</source>
        <translation>Sitzungs-ID</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>First seen</source>
        <translation>Zuerst gesehen</translation>
    </message>
    <message>
        <source>Ready at</source>
        <translation>Bereit ab</translation>
    </message>
    <message>
        <source>Ended at</source>
        <translation>Ende</translation>
    </message>
    <message>
        <source>Billed time</source>
        <translation>Abgerechnet</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>Extends</source>
        <translation>Verlängerungen</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>Dieser Rechner</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>≈ %1</source>
        <translation>≈ %1</translation>
    </message>
    <message>
        <source>The session was already ready when first seen: this time is derived from the elapsed time the service reported.</source>
        <translation>Die Sitzung war beim ersten Sehen schon bereit: Diese Zeit ist aus der verstrichenen Zeit abgeleitet, die der Dienst gemeldet hat.</translation>
    </message>
    <message>
        <source>Created by</source>
        <translation>Erstellt von</translation>
    </message>
</context>
<context>
    <name>arr::HistoryWindow</name>
    <message>
        <source>Session history</source>
        <translation>Sitzungsverlauf</translation>
    </message>
    <message>
        <source>Double-click a session to see its events.</source>
        <translation>Doppelklicken Sie auf eine Sitzung, um ihre Ereignisse zu sehen.</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message>
        <source>Export JSON…</source>
        <translation>JSON exportieren…</translation>
    </message>
    <message>
        <source>All accounts</source>
        <translation>Alle Konten</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Alle Status</translation>
    </message>
    <message>
        <source>Session ID, size or message</source>
        <translation>Sitzungs-ID, Größe oder Meldung</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>&amp;Account:</source>
        <translation>&amp;Konto:</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>&amp;Status:</translation>
    </message>
    <message>
        <source>No history is kept in demo mode: its sessions are made up.</source>
        <translation>Im Demo-Modus wird kein Verlauf geführt: Seine Sitzungen sind erfunden.</translation>
    </message>
    <message>
        <source>The session history cannot be read. %1</source>
        <translation>Der Sitzungsverlauf kann nicht gelesen werden. %1</translation>
    </message>
    <message>
        <source>Only the newest %L1 sessions of this range are shown, counted and exported: choose a shorter range to see the others.</source>
        <translation>Nur die neuesten %L1 Sitzungen dieses Zeitraums werden angezeigt, gezählt und exportiert: Wählen Sie einen kürzeren Zeitraum, um die übrigen zu sehen.</translation>
    </message>
    <message>
        <source>The range ends before it starts: choose a later end date.</source>
        <translation>Der Zeitraum endet, bevor er beginnt: Wählen Sie ein späteres Enddatum.</translation>
    </message>
    <message numerus="yes">
        <source>%n session(s)</source>
        <translation>
            <numerusform>%n Sitzung</numerusform>
            <numerusform>%n Sitzungen</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · billed %2 · cost %3</source>
        <translation>%1 · abgerechnet %2 · Kosten %3</translation>
    </message>
    <message>
        <source>%1 · billed %2 · no price was set, so no cost is shown</source>
        <translation>%1 · abgerechnet %2 · kein Preis festgelegt, daher keine Kosten</translation>
    </message>
    <message>
        <source>The history could not be written to %1: %2.</source>
        <translation>Der Verlauf konnte nicht nach %1 geschrieben werden: %2.</translation>
    </message>
    <message>
        <source>Export the history as CSV</source>
        <translation>Den Verlauf als CSV exportieren</translation>
    </message>
    <message>
        <source>Export the history as JSON</source>
        <translation>Den Verlauf als JSON exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>JSON-Dateien (*.json)</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n session(s) to %1.</source>
        <translation>
            <numerusform>%n Sitzung nach %1 exportiert.</numerusform>
            <numerusform>%n Sitzungen nach %1 exportiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>The session history could not be read, so nothing is shown. %1</source>
        <translation>Der Sitzungsverlauf konnte nicht gelesen werden, daher wird nichts angezeigt. %1</translation>
    </message>
    <message>
        <source>Copy This Computer&apos;s History Here</source>
        <translation>Verlauf dieses Computers hierher kopieren</translation>
    </message>
    <message>
        <source>Adds the sessions this computer recorded before it shared the team&apos;s database. Safe to do twice: nothing is counted again.</source>
        <translation>Fügt die Sitzungen hinzu, die dieser Computer aufgezeichnet hat, bevor er die Datenbank des Teams nutzte. Zweimal ausgeführt schadet nicht: Nichts wird doppelt gezählt.</translation>
    </message>
    <message>
        <source>Copying this computer&apos;s history…</source>
        <translation>Der Verlauf dieses Computers wird kopiert …</translation>
    </message>
    <message>
        <source>Reading the team history…</source>
        <translation>Der Team-Verlauf wird gelesen …</translation>
    </message>
    <message>
        <source>Reading the history…</source>
        <translation>Der Verlauf wird gelesen …</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sitzungen</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Warnungen</translation>
    </message>
    <message numerus="yes">
        <source>Alerts (%n)</source>
        <translation>
            <numerusform>Warnungen (%n)</numerusform>
            <numerusform>Warnungen (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>arr::HttpCall</name>
    <message>
        <source>The answer was cut off after %1 of %2 bytes: the rest did not arrive in time.</source>
        <translation>Die Antwort brach nach %1 von %2 Bytes ab: Der Rest kam nicht rechtzeitig an.</translation>
    </message>
    <message>
        <source>The answer was cut off after %1 bytes: the rest did not arrive in time.</source>
        <translation>Die Antwort brach nach %1 Bytes ab: Der Rest kam nicht rechtzeitig an.</translation>
    </message>
    <message>
        <source>The answer was cut off after %1 of %2 bytes: the connection ended before the rest arrived.</source>
        <translation>Die Antwort brach nach %1 von %2 Bytes ab: Die Verbindung endete, bevor der Rest ankam.</translation>
    </message>
    <message>
        <source>The answer was cut off after %1 bytes: the connection ended before the rest arrived.</source>
        <translation>Die Antwort brach nach %1 Bytes ab: Die Verbindung endete, bevor der Rest ankam.</translation>
    </message>
    <message>
        <source>The answer was larger than %1 MiB.</source>
        <translation>Die Antwort war größer als %1 MiB.</translation>
    </message>
</context>
<context>
    <name>arr::Inspector</name>
    <message>
        <source>Only a ready session can be opened in the ARR Inspector.</source>
        <translation>Nur eine bereite Sitzung kann im ARR Inspector geöffnet werden.</translation>
    </message>
    <message>
        <source>The service gave no hostname and inspector port for this session.</source>
        <translation>Der Dienst hat für diese Sitzung keinen Hostnamen und keinen Inspector-Port genannt.</translation>
    </message>
    <message>
        <source>The service gave an inspector address that is not valid.</source>
        <translation>Der Dienst hat eine ungültige Inspector-Adresse genannt.</translation>
    </message>
</context>
<context>
    <name>arr::JsonCodec</name>
    <message>
        <source>a boolean</source>
        <translation>ein Wahrheitswert</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>eine Zahl</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>eine Zeichenkette</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>ein Array</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>ein Objekt</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>nichts</translation>
    </message>
    <message>
        <source>&quot;%1&quot; should be %2 but is %3.</source>
        <translation>„%1“ sollte %2 sein, ist aber %3.</translation>
    </message>
    <message>
        <source>&quot;creationTime&quot; is not an ISO 8601 time: %1</source>
        <translation>„creationTime“ ist keine Zeit nach ISO 8601: %1</translation>
    </message>
    <message>
        <source>a time span string</source>
        <translation>eine Zeitspanne als Zeichenkette</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a time span: %2</source>
        <translation>„%1“ ist keine Zeitspanne: %2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; should be a port number from 1 to 65535.</source>
        <translation>„%1“ sollte eine Portnummer von 1 bis 65535 sein.</translation>
    </message>
    <message>
        <source>A session has no &quot;sessionId&quot;.</source>
        <translation>Eine Sitzung hat keine „sessionId“.</translation>
    </message>
    <message>
        <source>Session %1: %2</source>
        <translation>Sitzung %1: %2</translation>
    </message>
    <message>
        <source>The answer is HTML, not JSON: is the endpoint right?</source>
        <translation>Die Antwort ist HTML, nicht JSON: Stimmt der Endpunkt?</translation>
    </message>
    <message>
        <source>The answer is %1 MiB, larger than any answer of this service can be.</source>
        <translation>Die Antwort ist %1 MiB groß, größer, als eine Antwort dieses Dienstes sein kann.</translation>
    </message>
    <message>
        <source>The answer is not valid JSON (%1 at byte %2).</source>
        <translation>Die Antwort ist kein gültiges JSON (Byte %2: %1).</translation>
    </message>
    <message>
        <source>The answer to a create is not a JSON object.</source>
        <translation>Die Antwort auf ein Erstellen ist kein JSON-Objekt.</translation>
    </message>
    <message>
        <source>The answer to a create has no session id.</source>
        <translation>Die Antwort auf ein Erstellen enthält keine Sitzungs-ID.</translation>
    </message>
    <message>
        <source>The session&apos;s properties are not a JSON object.</source>
        <translation>Die Eigenschaften der Sitzung sind kein JSON-Objekt.</translation>
    </message>
    <message>
        <source>The answer is empty.</source>
        <translation>Die Antwort ist leer.</translation>
    </message>
    <message>
        <source>Entry %1 of the session list is not an object.</source>
        <translation>Eintrag %1 der Sitzungsliste ist kein Objekt.</translation>
    </message>
    <message>
        <source>Entry %1 of the session list: %2</source>
        <translation>Eintrag %1 der Sitzungsliste: %2</translation>
    </message>
    <message>
        <source>Session %1 is listed twice.</source>
        <translation>Die Sitzung %1 ist doppelt aufgeführt.</translation>
    </message>
    <message>
        <source>&quot;sessions&quot; should be an array but is %1.</source>
        <translation>„sessions“ sollte ein Array sein, ist aber %1.</translation>
    </message>
    <message>
        <source>The session list has no &quot;sessions&quot;.</source>
        <translation>Die Sitzungsliste hat kein „sessions“.</translation>
    </message>
    <message>
        <source>The session list is not a JSON object.</source>
        <translation>Die Sitzungsliste ist kein JSON-Objekt.</translation>
    </message>
    <message>
        <source>The token service&apos;s answer is not a JSON object.</source>
        <translation>Die Antwort des Tokendienstes ist kein JSON-Objekt.</translation>
    </message>
    <message>
        <source>The token service&apos;s answer has no &quot;AccessToken&quot;.</source>
        <translation>Die Antwort des Tokendienstes enthält kein „AccessToken“.</translation>
    </message>
    <message>
        <source>a control character</source>
        <translation>ein Steuerzeichen</translation>
    </message>
</context>
<context>
    <name>arr::KeepAliveDialog</name>
    <message>
        <source>H:MM</source>
        <translation>H:MM</translation>
    </message>
    <message>
        <source>Keep session alive</source>
        <translation>Sitzung aktiv halten</translation>
    </message>
    <message>
        <source>Keep session &lt;b&gt;%1&lt;/b&gt; (%2) running by extending its lease before it runs out, up to a limit you set. Nothing is extended beyond the limit or the service&apos;s 24 hours.</source>
        <translation>Die Sitzung &lt;b&gt;%1&lt;/b&gt; (%2) am Laufen halten, indem ihre Laufzeit vor dem Ablauf verlängert wird, bis zu einer von Ihnen gesetzten Grenze. Nichts wird über die Grenze oder die 24 Stunden des Dienstes hinaus verlängert.</translation>
    </message>
    <message>
        <source>&amp;Until</source>
        <translation>&amp;Bis</translation>
    </message>
    <message>
        <source>Keep alive until (time of day)</source>
        <translation>Aktiv halten bis (Uhrzeit)</translation>
    </message>
    <message>
        <source>Up to a total &amp;lease of</source>
        <translation>Bis zu einer Gesamt&amp;laufzeit von</translation>
    </message>
    <message>
        <source>Longest total lease</source>
        <translation>Längste Gesamtlaufzeit</translation>
    </message>
    <message>
        <source>Extend by</source>
        <translation>Verlängern um</translation>
    </message>
    <message>
        <source>When less than this is left</source>
        <translation>Wenn weniger als das übrig ist</translation>
    </message>
    <message>
        <source>Extend &amp;by:</source>
        <translation>Verlängern &amp;um:</translation>
    </message>
    <message>
        <source>When less than this is &amp;left:</source>
        <translation>Wenn weniger als das übrig &amp;ist:</translation>
    </message>
    <message>
        <source>&amp;Keep alive</source>
        <translation>&amp;Aktiv halten</translation>
    </message>
    <message>
        <source>&amp;Stop keeping alive</source>
        <translation>Aktivhalten &amp;beenden</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Total lease</source>
        <translation>Gesamtlaufzeit</translation>
    </message>
    <message>
        <source>Less than</source>
        <translation>Weniger als</translation>
    </message>
    <message>
        <source>The session&apos;s lease is already %1: choose a longer total lease.</source>
        <translation>Die Laufzeit der Sitzung beträgt bereits %1: Wählen Sie eine längere Gesamtlaufzeit.</translation>
    </message>
    <message>
        <source>Extended by %1 whenever less than %2 is left, never past %3; it then stops when its lease ends.</source>
        <translation>Die Sitzung wird um %1 verlängert, sobald weniger als %2 übrig ist, nie über %3 hinaus; danach endet sie mit Ablauf ihrer Laufzeit.</translation>
    </message>
    <message>
        <source>Extended by %1 whenever less than %2 is left, up to a total lease of %3; it then stops when that lease ends.</source>
        <translation>Die Sitzung wird um %1 verlängert, sobald weniger als %2 übrig ist, bis zu einer Gesamtlaufzeit von %3; danach endet sie mit Ablauf dieser Laufzeit.</translation>
    </message>
</context>
<context>
    <name>arr::KeepAliveManager</name>
    <message>
        <source>There is no such session to keep alive.</source>
        <translation>Es gibt keine solche Sitzung, die aktiv gehalten werden könnte.</translation>
    </message>
    <message>
        <source>Session %1 is no longer listed; it is no longer kept alive.</source>
        <translation>Die Sitzung %1 wird nicht mehr aufgeführt; sie wird nicht mehr aktiv gehalten.</translation>
    </message>
    <message>
        <source>Session %1 was kept alive %2; it will stop at %3.</source>
        <translation>Die Sitzung %1 wurde %2 aktiv gehalten; sie endet um %3.</translation>
    </message>
    <message>
        <source>Session %1 ended; it is no longer kept alive.</source>
        <translation>Die Sitzung %1 ist beendet; sie wird nicht mehr aktiv gehalten.</translation>
    </message>
    <message>
        <source>Session %1 is being kept alive %2: its lease was extended automatically to %3.</source>
        <translation>Die Sitzung %1 wird %2 aktiv gehalten: Ihre Laufzeit wurde automatisch auf %3 verlängert.</translation>
    </message>
    <message>
        <source>%1 It will stop at %2.</source>
        <translation>%1 Sie endet um %2.</translation>
    </message>
</context>
<context>
    <name>arr::KeepAlivePolicy</name>
    <message>
        <source>The time to keep the session alive until is not a valid time.</source>
        <translation>Die Uhrzeit, bis zu der die Sitzung aktiv gehalten werden soll, ist keine gültige Uhrzeit.</translation>
    </message>
    <message>
        <source>The longest lease must be longer than zero.</source>
        <translation>Die längste Laufzeit muss größer als null sein.</translation>
    </message>
    <message>
        <source>The longest lease can be at most 24 hours, the service&apos;s limit.</source>
        <translation>Die längste Laufzeit darf höchstens 24 Stunden betragen, die Grenze des Dienstes.</translation>
    </message>
    <message>
        <source>The step to extend by must be at least one minute.</source>
        <translation>Der Verlängerungsschritt muss mindestens eine Minute betragen.</translation>
    </message>
    <message>
        <source>The step to extend by can be at most 24 hours.</source>
        <translation>Der Verlängerungsschritt darf höchstens 24 Stunden betragen.</translation>
    </message>
    <message>
        <source>The lease left before extending must be at least one minute.</source>
        <translation>Die Restlaufzeit vor dem Verlängern muss mindestens eine Minute betragen.</translation>
    </message>
    <message>
        <source>The lease left before extending can be at most 24 hours.</source>
        <translation>Die Restlaufzeit vor dem Verlängern darf höchstens 24 Stunden betragen.</translation>
    </message>
    <message>
        <source>until %1</source>
        <translation>bis %1</translation>
    </message>
    <message>
        <source>up to a lease of %1</source>
        <translation>bis zu einer Laufzeit von %1</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message numerus="yes">
        <source>The service accepted %n extends of session %1 in a row, but its lease did not grow to what was asked (asked %2, the lease is %3); keep-alive stopped.</source>
        <translation>
            <numerusform>Der Dienst hat %n Verlängerung von Sitzung %1 angenommen, doch die Laufzeit wuchs nicht wie verlangt (verlangt %2, die Laufzeit ist %3); Aktivhalten gestoppt.</numerusform>
            <numerusform>Der Dienst hat %n Verlängerungen von Sitzung %1 in Folge angenommen, doch die Laufzeit wuchs nicht wie verlangt (verlangt %2, die Laufzeit ist %3); Aktivhalten gestoppt.</numerusform>
        </translation>
    </message>
    <message>
        <source>The service accepted the extend of session %1 from %2 to %3, but the lease is %4.</source>
        <translation>Der Dienst hat die Verlängerung von Sitzung %1 von %2 auf %3 angenommen, doch die Laufzeit ist %4.</translation>
    </message>
    <message>
        <source>Session %1 has a lease of %2, beyond the bound of keep-alive (%3): it was set by someone or something else.</source>
        <translation>Sitzung %1 hat eine Laufzeit von %2, über der Grenze des Aktivhaltens (%3): Sie wurde von jemand anderem gesetzt.</translation>
    </message>
</context>
<context>
    <name>arr::KeychainSecretStore</name>
    <message>
        <source>The system keychain is not available (%1); account keys are kept in memory for this run only.</source>
        <translation>Der Schlüsselbund des Systems ist nicht verfügbar (%1); Kontoschlüssel werden nur für diesen Programmlauf im Speicher gehalten.</translation>
    </message>
    <message>
        <source>The keychain could not be read: %1</source>
        <translation>Der Schlüsselbund konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The key could not be removed: %1</source>
        <translation>Der Schlüssel konnte nicht entfernt werden: %1</translation>
    </message>
</context>
<context>
    <name>arr::LocalEmulator</name>
    <message>
        <source>The local emulator could not start: %1</source>
        <translation>Der lokale Emulator konnte nicht starten: %1</translation>
    </message>
    <message numerus="yes">
        <source>The local emulator did not start: %1 gave no answer within %n seconds.</source>
        <translation>
            <numerusform>Der lokale Emulator ist nicht gestartet: %1 hat binnen %n Sekunde nicht geantwortet.</numerusform>
            <numerusform>Der lokale Emulator ist nicht gestartet: %1 hat binnen %n Sekunden nicht geantwortet.</numerusform>
        </translation>
    </message>
    <message>
        <source>The local emulator could not start: %1 is missing; reinstall the app.</source>
        <translation>Der lokale Emulator konnte nicht starten: %1 fehlt; installieren Sie die App neu.</translation>
    </message>
    <message>
        <source>it crashed</source>
        <translation>er ist abgestürzt</translation>
    </message>
    <message>
        <source>it ended with exit code %1</source>
        <translation>er endete mit dem Exit-Code %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>The local emulator stopped (%1).</source>
        <translation>Der lokale Emulator wurde beendet (%1).</translation>
    </message>
    <message>
        <source>The local emulator could not start (%1).</source>
        <translation>Der lokale Emulator konnte nicht starten (%1).</translation>
    </message>
    <message>
        <source>The local emulator did not start: it said &quot;%1&quot;.</source>
        <translation>Der lokale Emulator ist nicht gestartet: Er meldete „%1“.</translation>
    </message>
</context>
<context>
    <name>arr::MainWindow</name>
    <message>
        <source>ARR Session Manager (demo)</source>
        <translation>ARR Session Manager (Demo)</translation>
    </message>
    <message>
        <source>ARR Session Manager</source>
        <translation>ARR Session Manager</translation>
    </message>
    <message>
        <source>Request log</source>
        <translation>Anforderungsprotokoll</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Filter</source>
        <translation>&amp;Filter</translation>
    </message>
    <message>
        <source>Show window</source>
        <translation>Fenster anzeigen</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Session</source>
        <translation>&amp;Sitzung</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Columns</source>
        <translation>&amp;Spalten</translation>
    </message>
    <message>
        <source>&amp;Accounts</source>
        <translation>&amp;Konten</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Hauptwerkzeugleiste</translation>
    </message>
    <message>
        <source>Opening your accounts…</source>
        <translation>Ihre Konten werden geöffnet…</translation>
    </message>
    <message>
        <source>%1 Nothing is asked until the account is corrected: edit it and enter its key.</source>
        <translation>%1 Es wird nichts abgefragt, bis das Konto korrigiert ist: Bearbeiten Sie es und geben Sie seinen Schlüssel ein.</translation>
    </message>
    <message>
        <source>Main &amp;toolbar</source>
        <translation>Hauptsymbolleis&amp;te</translation>
    </message>
    <message>
        <source>Session actions</source>
        <translation>Sitzungsaktionen</translation>
    </message>
    <message>
        <source>Menu bar</source>
        <translation>Menüleiste</translation>
    </message>
</context>
<context>
    <name>arr::MemorySecretStore</name>
    <message>
        <source>No key is stored for this account.</source>
        <translation>Für dieses Konto ist kein Schlüssel gespeichert.</translation>
    </message>
</context>
<context>
    <name>arr::MessageBar</name>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>arr::NotificationsPanel</name>
    <message>
        <source>Notifications</source>
        <translation>Benachrichtigungen</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Sitzung</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>No notifications yet. Sessions becoming ready, leases running out, keep-alive extends and budget alerts are listed here with their time.</source>
        <translation>Noch keine Benachrichtigungen. Sitzungen, die bereit werden, ablaufende Laufzeiten, Verlängerungen durch Aktivhalten und Budgetwarnungen werden hier mit ihrer Uhrzeit aufgeführt.</translation>
    </message>
    <message>
        <source>&amp;Clear</source>
        <translation>&amp;Leeren</translation>
    </message>
    <message>
        <source>Remove every notification from this list</source>
        <translation>Alle Benachrichtigungen aus dieser Liste entfernen</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Notifications (%n new)</source>
        <translation>
            <numerusform>&amp;Benachrichtigungen (%n neu)</numerusform>
            <numerusform>&amp;Benachrichtigungen (%n neu)</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Notifications</source>
        <translation>&amp;Benachrichtigungen</translation>
    </message>
</context>
<context>
    <name>arr::Notifier</name>
    <message>
        <source>ARR Session Manager</source>
        <translation>ARR Session Manager</translation>
    </message>
    <message>
        <source>Session ready</source>
        <translation>Sitzung bereit</translation>
    </message>
    <message>
        <source>Lease running out</source>
        <translation>Laufzeit läuft ab</translation>
    </message>
    <message>
        <source>Session failed</source>
        <translation>Sitzung fehlgeschlagen</translation>
    </message>
    <message>
        <source>Session expired</source>
        <translation>Sitzung abgelaufen</translation>
    </message>
    <message>
        <source>Session kept alive</source>
        <translation>Sitzung aktiv gehalten</translation>
    </message>
    <message>
        <source>Budget almost spent</source>
        <translation>Budget fast verbraucht</translation>
    </message>
    <message>
        <source>Budget spent</source>
        <translation>Budget verbraucht</translation>
    </message>
    <message>
        <source>Session running long</source>
        <translation>Sitzung läuft lange</translation>
    </message>
    <message>
        <source>Keep-alive ended</source>
        <translation>Aktivhalten beendet</translation>
    </message>
    <message>
        <source>ARR Session Manager
%1</source>
        <translation>ARR Session Manager
%1</translation>
    </message>
    <message>
        <source>%1 – %2: %3</source>
        <translation>%1 – %2: %3</translation>
    </message>
    <message>
        <source>Keep-alive stopped</source>
        <translation>Aktivhalten gestoppt</translation>
    </message>
    <message>
        <source>%1 (given by %2)</source>
        <translation>%1 (ausgelöst von %2)</translation>
    </message>
</context>
<context>
    <name>arr::PreferencesDialog</name>
    <message>
        <source>The service asks clients to keep at least %1 seconds between calls.</source>
        <translation>Der Dienst bittet Clients, zwischen Aufrufen mindestens %1 Sekunden Abstand zu halten.</translation>
    </message>
    <message>
        <source>All accounts</source>
        <translation>Alle Konten</translation>
    </message>
    <message>
        <source>The demo uses these example prices; they are not saved.</source>
        <translation>Die Demo verwendet diese Beispielpreise; sie werden nicht gespeichert.</translation>
    </message>
    <message>
        <source>Leave a price empty to show that size&apos;s cost as billed hours.</source>
        <translation>Lassen Sie einen Preis leer, um die Kosten dieser Größe als abgerechnete Stunden anzuzeigen.</translation>
    </message>
    <message>
        <source>Prices negotiated for %1; an empty one uses the price for all accounts.</source>
        <translation>Für %1 ausgehandelte Preise; ein leerer Preis übernimmt den Preis für alle Konten.</translation>
    </message>
    <message>
        <source>The price for %1 is not a number of zero or more.</source>
        <translation>Der Preis für %1 ist keine Zahl von null oder mehr.</translation>
    </message>
    <message>
        <source>Enter every value as a whole number within its range.</source>
        <translation>Geben Sie jeden Wert als ganze Zahl innerhalb seines Bereichs ein.</translation>
    </message>
    <message>
        <source>Enter the currency as its three-letter ISO code (EUR, USD), or leave it empty.</source>
        <translation>Geben Sie die Währung als dreibuchstabigen ISO-Code ein (EUR, USD) oder lassen Sie das Feld leer.</translation>
    </message>
    <message>
        <source>The red threshold (%1 min) must not be above the amber one (%2 min).</source>
        <translation>Die Schwelle für Rot (%1 min) darf nicht über der für Gelb (%2 min) liegen.</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>No history is kept in demo mode: its sessions are made up.</source>
        <translation>Im Demo-Modus wird kein Verlauf geführt: Seine Sitzungen sind erfunden.</translation>
    </message>
</context>
<context>
    <name>arr::RequestLogModel</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>keine Antwort</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>MS-CV</source>
        <translation>MS-CV</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
</context>
<context>
    <name>arr::RequestLogPanel</name>
    <message>
        <source>&amp;Errors only</source>
        <translation>Nur &amp;Fehler</translation>
    </message>
    <message>
        <source>&amp;Copy rows</source>
        <translation>Zeilen &amp;kopieren</translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation>&amp;Leeren</translation>
    </message>
    <message>
        <source>Request log</source>
        <translation>Anforderungsprotokoll</translation>
    </message>
    <message>
        <source>Copy rows for a support ticket</source>
        <translation>Zeilen für ein Support-Ticket kopieren</translation>
    </message>
    <message>
        <source>Copy the selected rows as tab-separated lines, for a support ticket</source>
        <translation>Die ausgewählten Zeilen als tabulatorgetrennte Zeilen für ein Support-Ticket kopieren</translation>
    </message>
    <message>
        <source>Show only requests that failed</source>
        <translation>Nur fehlgeschlagene Anforderungen anzeigen</translation>
    </message>
    <message>
        <source>Keys and tokens are never recorded.</source>
        <translation>Schlüssel und Token werden nie protokolliert.</translation>
    </message>
</context>
<context>
    <name>arr::RequestValidator</name>
    <message>
        <source>The lease must be longer than zero.</source>
        <translation>Die Laufzeit muss größer als null sein.</translation>
    </message>
    <message>
        <source>The lease of %1 is longer than 24 hours, the longest the service grants.</source>
        <translation>Die Laufzeit von %1 ist länger als 24 Stunden, die längste, die der Dienst gewährt.</translation>
    </message>
    <message>
        <source>The new lease of %1 must be longer than the current lease of %2.</source>
        <translation>Die neue Laufzeit von %1 muss länger sein als die aktuelle Laufzeit von %2.</translation>
    </message>
    <message>
        <source>The session size is empty: give one such as standard or premium.</source>
        <translation>Die Sitzungsgröße ist leer: Geben Sie eine an, etwa standard oder premium.</translation>
    </message>
    <message>
        <source>The size &quot;%1&quot; is not a single word such as standard or premium.</source>
        <translation>Die Größe „%1“ ist kein einzelnes Wort wie standard oder premium.</translation>
    </message>
    <message>
        <source>The model &quot;%1&quot; is not a full URL such as https://account.blob.core.windows.net/models/engine.arrAsset.</source>
        <translation>Das Modell „%1“ ist keine vollständige URL wie https://account.blob.core.windows.net/models/engine.arrAsset.</translation>
    </message>
    <message>
        <source>The model &quot;%1&quot; uses plain http, which is allowed only for this computer&apos;s own address; use https.</source>
        <translation>Das Modell „%1“ verwendet unverschlüsseltes http, das nur für die eigene Adresse dieses Rechners erlaubt ist; verwenden Sie https.</translation>
    </message>
    <message>
        <source>The model &quot;%1&quot; is neither an https:// nor a builtin:// URL.</source>
        <translation>Das Modell „%1“ ist weder eine https://- noch eine builtin://-URL.</translation>
    </message>
    <message>
        <source>The session id is empty.</source>
        <translation>Die Sitzungs-ID ist leer.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a session id: in an address it names a folder, not a session.</source>
        <translation>„%1“ ist keine Sitzungs-ID: In einer Adresse bezeichnet es einen Ordner, keine Sitzung.</translation>
    </message>
    <message>
        <source>The session id &quot;%1&quot; is not a GUID such as 01234567-89ab-cdef-0123-456789abcdef.</source>
        <translation>Die Sitzungs-ID „%1“ ist keine GUID wie 01234567-89ab-cdef-0123-456789abcdef.</translation>
    </message>
    <message>
        <source>The session id is %1 characters long; at most %2 are allowed.</source>
        <translation>Die Sitzungs-ID ist %1 Zeichen lang; höchstens %2 sind erlaubt.</translation>
    </message>
    <message>
        <source>The session id &quot;%1&quot; may contain only ASCII letters, digits, &quot;-&quot; and &quot;_&quot;.</source>
        <translation>Die Sitzungs-ID „%1“ darf nur ASCII-Buchstaben, Ziffern, „-“ und „_“ enthalten.</translation>
    </message>
</context>
<context>
    <name>arr::Session</name>
    <message>
        <source>None</source>
        <translation>Keiner</translation>
    </message>
    <message>
        <source>Starting</source>
        <translation>Startet</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source>Stopping</source>
        <translation>Wird gestoppt</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Gestoppt</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Abgelaufen</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>Session %1 has a lease of %2, outside the API&apos;s 0 to 24 hours.</source>
        <translation>Sitzung %1 hat eine Laufzeit von %2, außerhalb der 0 bis 24 Stunden der API.</translation>
    </message>
    <message>
        <source>Session %1 has a negative elapsed time (%2).</source>
        <translation>Sitzung %1 hat eine negative verstrichene Zeit (%2).</translation>
    </message>
</context>
<context>
    <name>arr::SessionColumns</name>
    <message>
        <source>Reset columns</source>
        <translation>Spalten zurücksetzen</translation>
    </message>
</context>
<context>
    <name>arr::SessionCommands</name>
    <message>
        <source>&amp;New session…</source>
        <translation>&amp;Neue Sitzung…</translation>
    </message>
    <message>
        <source>Start a new session (%1)</source>
        <translation>Eine neue Sitzung starten (%1)</translation>
    </message>
    <message>
        <source>&amp;Extend lease…</source>
        <translation>Laufzeit &amp;verlängern…</translation>
    </message>
    <message>
        <source>Extend the lease of the selected sessions (%1)</source>
        <translation>Die Laufzeit der ausgewählten Sitzungen verlängern (%1)</translation>
    </message>
    <message>
        <source>&amp;Keep alive…</source>
        <translation>&amp;Aktiv halten…</translation>
    </message>
    <message>
        <source>Extend the selected session automatically before its lease runs out, up to a limit (%1)</source>
        <translation>Die ausgewählte Sitzung automatisch verlängern, bevor ihre Laufzeit abläuft, bis zu einer Grenze (%1)</translation>
    </message>
    <message>
        <source>&amp;Stop…</source>
        <translation>&amp;Stoppen…</translation>
    </message>
    <message>
        <source>Stop the selected sessions, after confirming (%1)</source>
        <translation>Die ausgewählten Sitzungen nach Rückfrage stoppen (%1)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>Akt&amp;ualisieren</translation>
    </message>
    <message>
        <source>Ask every account for its sessions now (%1)</source>
        <translation>Alle Konten jetzt nach ihren Sitzungen fragen (%1)</translation>
    </message>
    <message>
        <source>&amp;Accounts…</source>
        <translation>&amp;Konten…</translation>
    </message>
    <message>
        <source>Add, edit, remove, enable or disable accounts (%1)</source>
        <translation>Konten hinzufügen, bearbeiten, entfernen, aktivieren oder deaktivieren (%1)</translation>
    </message>
    <message>
        <source>Show the &amp;local emulator</source>
        <translation>&amp;Lokalen Emulator anzeigen</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>Copy session &amp;id</source>
        <translation>Sitzungs-&amp;ID kopieren</translation>
    </message>
    <message>
        <source>Copy &amp;hostname</source>
        <translation>&amp;Hostname kopieren</translation>
    </message>
    <message>
        <source>&amp;About ARR Session Manager</source>
        <translation>Ü&amp;ber ARR Session Manager</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Extend %n leases…</source>
        <translation>
            <numerusform>%n Laufzeit &amp;verlängern…</numerusform>
            <numerusform>%n Laufzeiten &amp;verlängern…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Stop %n sessions…</source>
        <translation>
            <numerusform>%n Sitzung &amp;stoppen…</numerusform>
            <numerusform>%n Sitzungen &amp;stoppen…</numerusform>
        </translation>
    </message>
    <message>
        <source>Copied hostname %1</source>
        <translation>Hostname %1 kopiert</translation>
    </message>
    <message>
        <source>Copied session id %1</source>
        <translation>Sitzungs-ID %1 kopiert</translation>
    </message>
    <message>
        <source>Creating a %1 session on %2…</source>
        <translation>Sitzung der Größe %1 wird in %2 erstellt…</translation>
    </message>
    <message>
        <source>Select a starting or ready session to extend.</source>
        <translation>Wählen Sie eine startende oder bereite Sitzung zum Verlängern aus.</translation>
    </message>
    <message numerus="yes">
        <source>Extending %n lease(s)…</source>
        <translation>
            <numerusform>%n Laufzeit wird verlängert…</numerusform>
            <numerusform>%n Laufzeiten werden verlängert…</numerusform>
        </translation>
    </message>
    <message>
        <source>Select one starting or ready session to keep alive.</source>
        <translation>Wählen Sie eine startende oder bereite Sitzung aus, die aktiv gehalten werden soll.</translation>
    </message>
    <message>
        <source>Keeping session %1 alive %2.</source>
        <translation>Die Sitzung %1 wird %2 aktiv gehalten.</translation>
    </message>
    <message>
        <source>Session %1 is no longer kept alive; its lease stays as it is.</source>
        <translation>Die Sitzung %1 wird nicht mehr aktiv gehalten; ihre Laufzeit bleibt, wie sie ist.</translation>
    </message>
    <message>
        <source>• %1 (%2)</source>
        <translation>• %1 (%2)</translation>
    </message>
    <message>
        <source>• %1 (%2, %3)</source>
        <translation>• %1 (%2, %3)</translation>
    </message>
    <message>
        <source>Select a session that is running to stop it.</source>
        <translation>Wählen Sie eine laufende Sitzung aus, um sie zu stoppen.</translation>
    </message>
    <message numerus="yes">
        <source>Stop %n session(s)? A stopped session cannot be restarted, and whoever is connected to it is disconnected.</source>
        <translation>
            <numerusform>%n Sitzung stoppen? Eine gestoppte Sitzung kann nicht neu gestartet werden, und wer mit ihr verbunden ist, wird getrennt.</numerusform>
            <numerusform>%n Sitzungen stoppen? Eine gestoppte Sitzung kann nicht neu gestartet werden, und wer mit ihnen verbunden ist, wird getrennt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Stop session %1</source>
        <translation>Sitzung %1 stoppen</translation>
    </message>
    <message numerus="yes">
        <source>Stop %n sessions</source>
        <translation>
            <numerusform>%n Sitzung stoppen</numerusform>
            <numerusform>%n Sitzungen stoppen</numerusform>
        </translation>
    </message>
    <message>
        <source>Stop sessions</source>
        <translation>Sitzungen stoppen</translation>
    </message>
    <message>
        <source>Nothing to stop: the sessions ended while you were asked.</source>
        <translation>Nichts zu stoppen: Die Sitzungen sind während der Rückfrage geendet.</translation>
    </message>
    <message numerus="yes">
        <source>Stopping %n session(s)…</source>
        <translation>
            <numerusform>%n Sitzung wird gestoppt…</numerusform>
            <numerusform>%n Sitzungen werden gestoppt…</numerusform>
        </translation>
    </message>
    <message>
        <source>Refreshing…</source>
        <translation>Wird aktualisiert…</translation>
    </message>
    <message>
        <source>Could not create a session</source>
        <translation>Sitzung konnte nicht erstellt werden</translation>
    </message>
    <message>
        <source>Could not create a session on %1.</source>
        <translation>In %1 konnte keine Sitzung erstellt werden.</translation>
    </message>
    <message>
        <source>Could not extend a lease</source>
        <translation>Laufzeit konnte nicht verlängert werden</translation>
    </message>
    <message>
        <source>Could not extend the lease of session %1 (%2).</source>
        <translation>Die Laufzeit der Sitzung %1 (%2) konnte nicht verlängert werden.</translation>
    </message>
    <message>
        <source>Could not stop a session</source>
        <translation>Sitzung konnte nicht gestoppt werden</translation>
    </message>
    <message>
        <source>Could not stop session %1 (%2).</source>
        <translation>Die Sitzung %1 (%2) konnte nicht gestoppt werden.</translation>
    </message>
    <message>
        <source>Could not keep a session alive</source>
        <translation>Sitzung konnte nicht aktiv gehalten werden</translation>
    </message>
    <message>
        <source>Could not keep session %1 (%2) alive.</source>
        <translation>Die Sitzung %1 (%2) konnte nicht aktiv gehalten werden.</translation>
    </message>
    <message>
        <source>Open &amp;Inspector</source>
        <translation>&amp;Inspector öffnen</translation>
    </message>
    <message>
        <source>Open %1 in the web browser</source>
        <translation>%1 im Webbrowser öffnen</translation>
    </message>
    <message>
        <source>Select a ready session to open it in the ARR Inspector.</source>
        <translation>Wählen Sie eine bereite Sitzung, um sie im ARR Inspector zu öffnen.</translation>
    </message>
    <message>
        <source>No web browser opened %1</source>
        <translation>Kein Webbrowser hat %1 geöffnet</translation>
    </message>
</context>
<context>
    <name>arr::SessionDialect</name>
    <message>
        <source>The service&apos;s link to the next page of sessions is not an address.</source>
        <translation>Der Link des Dienstes zur nächsten Seite der Sitzungen ist keine Adresse.</translation>
    </message>
    <message>
        <source>The service linked the next page of sessions to %1, which is not the account&apos;s endpoint %2: it was not followed, so that the account&apos;s token goes nowhere else.</source>
        <translation>Der Dienst verwies für die nächste Seite der Sitzungen auf %1, nicht auf den Endpunkt %2 des Kontos: Dem wurde nicht gefolgt, damit das Token des Kontos nirgendwo anders hingeht.</translation>
    </message>
    <message>
        <source>The service accepted the create, but its answer could not be read (%1). The session probably exists: refresh the list.</source>
        <translation>Der Dienst hat das Erstellen angenommen, aber seine Antwort konnte nicht gelesen werden (%1). Die Sitzung existiert vermutlich: Aktualisieren Sie die Liste.</translation>
    </message>
    <message>
        <source>The session list could not be read: %1</source>
        <translation>Die Sitzungsliste konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The service has no properties for this session.</source>
        <translation>Der Dienst hat keine Eigenschaften für diese Sitzung.</translation>
    </message>
    <message>
        <source>The session&apos;s properties could not be read: %1</source>
        <translation>Die Eigenschaften der Sitzung konnten nicht gelesen werden: %1</translation>
    </message>
</context>
<context>
    <name>arr::SessionMonitor</name>
    <message>
        <source>connecting</source>
        <translation>verbindet</translation>
    </message>
    <message>
        <source>healthy</source>
        <translation>in Ordnung</translation>
    </message>
    <message>
        <source>backing off</source>
        <translation>wartet vor neuem Versuch</translation>
    </message>
    <message>
        <source>failing to authenticate</source>
        <translation>Anmeldung schlägt fehl</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>offline</translation>
    </message>
    <message>
        <source>misconfigured</source>
        <translation>falsch konfiguriert</translation>
    </message>
    <message>
        <source>The account was removed before the command was confirmed.</source>
        <translation>Das Konto wurde entfernt, bevor der Befehl bestätigt wurde.</translation>
    </message>
    <message>
        <source>Session %1: %2</source>
        <translation>Sitzung %1: %2</translation>
    </message>
    <message>
        <source>Session %1 (%2) is ready: %3</source>
        <translation>Die Sitzung %1 (%2) ist bereit: %3</translation>
    </message>
    <message>
        <source>Session %1 (%2) ended in error: %3</source>
        <translation>Die Sitzung %1 (%2) endete mit einem Fehler: %3</translation>
    </message>
    <message>
        <source>Session %1 (%2) expired.</source>
        <translation>Die Sitzung %1 (%2) ist abgelaufen.</translation>
    </message>
    <message>
        <source>The lease of session %1 (%2) ends in %3.</source>
        <translation>Die Laufzeit der Sitzung %1 (%2) endet in %3.</translation>
    </message>
    <message>
        <source>There is no account named &quot;%1&quot;.</source>
        <translation>Es gibt kein Konto namens „%1“.</translation>
    </message>
    <message>
        <source>Created session %1 on %2.</source>
        <translation>Sitzung %1 in %2 erstellt.</translation>
    </message>
    <message>
        <source>Could not create a session on %1: %2</source>
        <translation>In %1 konnte keine Sitzung erstellt werden: %2</translation>
    </message>
    <message>
        <source>extending to %1</source>
        <translation>Verlängerung auf %1</translation>
    </message>
    <message>
        <source>stop requested</source>
        <translation>Stoppen angefordert</translation>
    </message>
    <message>
        <source>keep-alive</source>
        <translation>Aktivhalten</translation>
    </message>
    <message>
        <source>The session ended before the new lease was confirmed.</source>
        <translation>Die Sitzung endete, bevor die neue Laufzeit bestätigt wurde.</translation>
    </message>
    <message>
        <source>The service accepted the command, but the session did not change.</source>
        <translation>Der Dienst hat den Befehl angenommen, aber die Sitzung hat sich nicht geändert.</translation>
    </message>
    <message>
        <source>Extended the lease of session %1 to %2.</source>
        <translation>Laufzeit der Sitzung %1 auf %2 verlängert.</translation>
    </message>
    <message>
        <source>Could not extend session %1: %2</source>
        <translation>Die Sitzung %1 konnte nicht verlängert werden: %2</translation>
    </message>
    <message>
        <source>Could not stop session %1: %2</source>
        <translation>Die Sitzung %1 konnte nicht gestoppt werden: %2</translation>
    </message>
    <message>
        <source>Session %1 had already ended: its lease ran out.</source>
        <translation>Die Sitzung %1 war bereits beendet: Ihre Laufzeit war abgelaufen.</translation>
    </message>
    <message>
        <source>Session %1 had already ended with an error.</source>
        <translation>Die Sitzung %1 war bereits mit einem Fehler beendet.</translation>
    </message>
    <message>
        <source>Stopped session %1.</source>
        <translation>Sitzung %1 gestoppt.</translation>
    </message>
</context>
<context>
    <name>arr::SessionTableModel</name>
    <message>
        <source>As of %1: %2 is not answering, so this may no longer be the session&apos;s state.</source>
        <translation>Stand %1: %2 antwortet nicht, daher ist dies möglicherweise nicht mehr der Zustand der Sitzung.</translation>
    </message>
    <message>
        <source>Kept alive %1: extended by %2 when less than %3 is left.</source>
        <translation>Aktiv gehalten %1: um %2 verlängert, wenn weniger als %3 übrig ist.</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Session ID</source>
        <translation>Sitzungs-ID</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Hostname</source>
        <translation>Hostname</translation>
    </message>
    <message>
        <source>Elapsed</source>
        <translation>Verstrichen</translation>
    </message>
    <message>
        <source>Lease</source>
        <translation>Laufzeit</translation>
    </message>
    <message>
        <source>Remaining</source>
        <translation>Restzeit</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>Teraflops</source>
        <translation>Teraflops</translation>
    </message>
    <message>
        <source>Handshake port</source>
        <translation>Handshake-Port</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Cost so far</source>
        <translation>Kosten bisher</translation>
    </message>
    <message>
        <source>Cost at lease end</source>
        <translation>Kosten bei Ablauf</translation>
    </message>
    <message>
        <source>Kept alive until</source>
        <translation>Aktiv bis</translation>
    </message>
    <message>
        <source>Inspector port</source>
        <translation>Inspector-Port</translation>
    </message>
    <message>
        <source>Error code</source>
        <translation>Fehlercode</translation>
    </message>
    <message>
        <source>The service did not say how long this session has been ready.</source>
        <translation>Der Dienst hat nicht angegeben, wie lange diese Sitzung schon bereit ist.</translation>
    </message>
    <message>
        <source>%1 billed (time ready). No price is set for size &quot;%2&quot;: set one in Preferences.</source>
        <translation>%1 abgerechnet (Zeit im Zustand „Bereit“). Für die Größe „%2“ ist kein Preis festgelegt: Legen Sie einen in den Einstellungen fest.</translation>
    </message>
    <message>
        <source>%1 billed × %2 per hour</source>
        <translation>%1 abgerechnet × %2 pro Stunde</translation>
    </message>
    <message>
        <source>(example prices)</source>
        <translation>(Beispielpreise)</translation>
    </message>
    <message>
        <source>None, ended</source>
        <translation>Keine, beendet</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>Created by</source>
        <translation>Erstellt von</translation>
    </message>
    <message>
        <source>None of the programs of ARR Session Manager (the window, arrsm, arrsm watch) created this session, or it was created before they recorded who did.</source>
        <translation>Keines der Programme von ARR Session Manager (das Fenster, arrsm, arrsm watch) hat diese Sitzung erstellt, oder sie wurde erstellt, bevor sie aufzeichneten, wer was tat.</translation>
    </message>
    <message>
        <source>Created by %1</source>
        <translation>Erstellt von %1</translation>
    </message>
</context>
<context>
    <name>arr::SessionsPage</name>
    <message>
        <source>All statuses</source>
        <translation>Alle Status</translation>
    </message>
    <message>
        <source>Live (starting, ready, stopping)</source>
        <translation>Aktiv (startet, bereit, wird gestoppt)</translation>
    </message>
    <message>
        <source>Starting</source>
        <translation>Startet</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source>Stopping</source>
        <translation>Wird gestoppt</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Gestoppt</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Abgelaufen</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Failed or expired</source>
        <translation>Fehlgeschlagen oder abgelaufen</translation>
    </message>
    <message>
        <source>Hide stopped/expired</source>
        <translation>Gestoppte/abgelaufene ausblenden</translation>
    </message>
    <message>
        <source>&amp;Hide stopped and expired</source>
        <translation>Gestoppte und abgelaufene &amp;ausblenden</translation>
    </message>
    <message>
        <source>Filter by account, id, hostname, status, size or message (Ctrl+F)</source>
        <translation>Nach Konto, ID, Hostname, Status, Größe oder Meldung filtern (Strg+F)</translation>
    </message>
    <message>
        <source>Show only sessions in these states</source>
        <translation>Nur Sitzungen in diesen Zuständen anzeigen</translation>
    </message>
    <message>
        <source>Filter sessions</source>
        <translation>Sitzungen filtern</translation>
    </message>
    <message>
        <source>Status filter</source>
        <translation>Statusfilter</translation>
    </message>
    <message>
        <source>Hide sessions that have stopped or expired (Ctrl+H)</source>
        <translation>Sitzungen ausblenden, die gestoppt oder abgelaufen sind (Strg+H)</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sitzungen</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n sessions shown</source>
        <translation>
            <numerusform>%1 von %n Sitzung angezeigt</numerusform>
            <numerusform>%1 von %n Sitzungen angezeigt</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>arr::TeamHistoryForm</name>
    <message>
        <source>On this &amp;computer</source>
        <translation>Auf diesem &amp;Computer</translation>
    </message>
    <message>
        <source>&amp;Shared with a team, in a PostgreSQL database</source>
        <translation>Mit einem Team &amp;geteilt, in einer PostgreSQL-Datenbank</translation>
    </message>
    <message>
        <source>db.example.com</source>
        <translation>db.example.com</translation>
    </message>
    <message>
        <source>arr_history</source>
        <translation>arr_history</translation>
    </message>
    <message>
        <source>your login name</source>
        <translation>Ihr Anmeldename</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>unverändert</translation>
    </message>
    <message>
        <source>Kept in the system keychain, never in a file. Leave it empty to keep the one saved; libpq&apos;s PGPASSWORD and ~/.pgpass work too.</source>
        <translation>Wird im Schlüsselbund des Systems aufbewahrt, nie in einer Datei. Leer lassen, um das gespeicherte zu behalten; PGPASSWORD und ~/.pgpass von libpq funktionieren ebenfalls.</translation>
    </message>
    <message>
        <source>TLS when the server offers it (prefer)</source>
        <translation>TLS, wenn der Server es anbietet (prefer)</translation>
    </message>
    <message>
        <source>TLS required (require)</source>
        <translation>TLS erforderlich (require)</translation>
    </message>
    <message>
        <source>TLS, the server&apos;s certificate verified (verify-full)</source>
        <translation>TLS, Zertifikat des Servers geprüft (verify-full)</translation>
    </message>
    <message>
        <source>No TLS (disable)</source>
        <translation>Kein TLS (disable)</translation>
    </message>
    <message>
        <source>Se&amp;rver:</source>
        <translation>Se&amp;rver:</translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation>P&amp;ort:</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;Datenbank:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Benutzer:</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Pass&amp;wort:</translation>
    </message>
    <message>
        <source>&amp;TLS:</source>
        <translation>&amp;TLS:</translation>
    </message>
    <message>
        <source>Everyone&apos;s windows and watchers that use the same database see the same history, who did what, and the team&apos;s spend. Copy this computer&apos;s history into it from the History window.</source>
        <translation>Alle Fenster und Beobachter (arrsm watch), die dieselbe Datenbank nutzen, sehen denselben Verlauf, wer was getan hat, und die Ausgaben des Teams. Den Verlauf dieses Computers kopieren Sie im Verlaufsfenster hinein.</translation>
    </message>
</context>
<context>
    <name>arr::TimeSpan</name>
    <message>
        <source>No time was given.</source>
        <translation>Es wurde keine Zeit angegeben.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a time: expected hours:minutes[:seconds], such as 4:00:00.</source>
        <translation>„%1“ ist keine Zeit: erwartet werden Stunden:Minuten[:Sekunden], etwa 4:00:00.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; has no hours after the days.</source>
        <translation>„%1“ hat nach den Tagen keine Stunden.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; has no valid minutes.</source>
        <translation>„%1“ hat keine gültigen Minuten.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; has no valid seconds.</source>
        <translation>„%1“ hat keine gültigen Sekunden.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; has a fraction of a second with no digits or more than seven.</source>
        <translation>„%1“ hat einen Sekundenbruchteil ohne Ziffern oder mit mehr als sieben.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; has unexpected text after the time.</source>
        <translation>„%1“ hat unerwarteten Text nach der Zeit.</translation>
    </message>
    <message>
        <source>Hours must be between 0 and 23 in &quot;%1&quot;; write a day as 1.00:00:00.</source>
        <translation>Die Stunden müssen in „%1“ zwischen 0 und 23 liegen; schreiben Sie einen Tag als 1.00:00:00.</translation>
    </message>
    <message>
        <source>Minutes must be between 0 and 59 in &quot;%1&quot;.</source>
        <translation>Die Minuten müssen in „%1“ zwischen 0 und 59 liegen.</translation>
    </message>
    <message>
        <source>Seconds must be between 0 and 59 in &quot;%1&quot;.</source>
        <translation>Die Sekunden müssen in „%1“ zwischen 0 und 59 liegen.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is longer than any time span can be.</source>
        <translation>„%1“ ist länger, als eine Zeitspanne sein kann.</translation>
    </message>
    <message numerus="yes">
        <source>%n d </source>
        <translation>
            <numerusform>%n Tag </numerusform>
            <numerusform>%n Tage </numerusform>
        </translation>
    </message>
</context>
<context>
    <name>arr::TokenProvider</name>
    <message>
        <source>The account has no key.</source>
        <translation>Das Konto hat keinen Schlüssel.</translation>
    </message>
    <message>
        <source>The token service refused the account id or key: %1</source>
        <translation>Der Tokendienst hat die Konto-ID oder den Schlüssel abgelehnt: %1</translation>
    </message>
    <message>
        <source>Could not get an access token: %1</source>
        <translation>Es konnte kein Zugriffstoken abgerufen werden: %1</translation>
    </message>
    <message>
        <source>The token service&apos;s answer is unusable: %1</source>
        <translation>Die Antwort des Tokendienstes ist unbrauchbar: %1</translation>
    </message>
</context>
<context>
    <name>arr::WindowBanners</name>
    <message>
        <source>Demo mode: the built-in local emulator with made-up sessions. Your saved accounts are not loaded or changed; accounts added now last for this run only.</source>
        <translation>Demo-Modus: der integrierte lokale Emulator mit erfundenen Sitzungen. Ihre gespeicherten Konten werden weder geladen noch geändert; jetzt hinzugefügte Konten gelten nur für diesen Programmlauf.</translation>
    </message>
    <message>
        <source>No system keychain is available: account keys are kept in memory for this run only and must be entered again after a restart. They are never written to a file.</source>
        <translation>Kein Schlüsselbund des Systems verfügbar: Kontoschlüssel werden nur für diesen Programmlauf im Speicher gehalten und müssen nach einem Neustart erneut eingegeben werden. Sie werden nie in eine Datei geschrieben.</translation>
    </message>
    <message>
        <source>Accounts…</source>
        <translation>Konten…</translation>
    </message>
    <message>
        <source>it is asked again when the network returns</source>
        <translation>es wird erneut abgefragt, sobald das Netzwerk wieder da ist</translation>
    </message>
    <message>
        <source>next retry at %1</source>
        <translation>nächster Versuch um %1</translation>
    </message>
    <message numerus="yes">
        <source>%1 has not answered since %2 (%n failed poll(s)); %3.</source>
        <translation>
            <numerusform>%1 antwortet seit %2 nicht (%n fehlgeschlagene Abfrage); %3.</numerusform>
            <numerusform>%1 antwortet seit %2 nicht (%n fehlgeschlagene Abfragen); %3.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Its sessions are shown dimmed, as they were then.</source>
        <translation>
            <numerusform>Seine Sitzungen werden abgeblendet angezeigt, wie sie damals waren.</numerusform>
            <numerusform>Ihre Sitzungen werden abgeblendet angezeigt, wie sie damals waren.</numerusform>
        </translation>
    </message>
    <message>
        <source>Retry now</source>
        <translation>Jetzt erneut versuchen</translation>
    </message>
    <message>
        <source>Start the emulator again</source>
        <translation>Emulator erneut starten</translation>
    </message>
</context>
<context>
    <name>arr::Workspace</name>
    <message>
        <source>The app was started with --read-only: sessions can be watched, not created, extended or stopped.</source>
        <translation>Die App wurde mit --read-only gestartet: Sitzungen können beobachtet, aber nicht erstellt, verlängert oder gestoppt werden.</translation>
    </message>
    <message>
        <source>The account &quot;%1&quot; is read-only (watch only): its sessions can be watched, not created, extended or stopped.</source>
        <translation>Das Konto „%1“ ist auf Nur-Lesen gestellt (nur beobachten): Seine Sitzungen können beobachtet, aber nicht erstellt, verlängert oder gestoppt werden.</translation>
    </message>
    <message>
        <source>No team database is chosen.</source>
        <translation>Es ist keine Team-Datenbank gewählt.</translation>
    </message>
</context>
<context>
    <name>arr::style</name>
    <message>
        <source>– (stopping)</source>
        <translation>– (wird gestoppt)</translation>
    </message>
</context>
<context>
    <name>arr::who</name>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>an unknown user</source>
        <translation>ein unbekannter Benutzer</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 on %2 (%3)</source>
        <translation>%1 auf %2 (%3)</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Extended %1 by %2</source>
        <translation>Verlängert %1 von %2</translation>
    </message>
    <message>
        <source>Stopped %1 by %2</source>
        <translation>Gestoppt %1 von %2</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>ARR Session Manager</source>
        <translation>ARR Session Manager</translation>
    </message>
    <message>
        <source>ARR Session Manager is already running on these settings: its window was brought to the front. (--new-window opens another, which only watches.)</source>
        <translation>ARR Session Manager läuft bereits mit diesen Einstellungen; sein Fenster wurde in den Vordergrund geholt. (--new-window öffnet ein weiteres, das nur beobachtet.)</translation>
    </message>
    <message>
        <source>Another window of ARR Session Manager is running on these settings, so this one only watches: it does not create, extend or stop sessions, run keep-alive policies or change the saved accounts.</source>
        <translation>Ein anderes Fenster von ARR Session Manager läuft mit diesen Einstellungen, daher beobachtet dieses nur: Es erstellt, verlängert und stoppt keine Sitzungen, hält keine Sitzungen aktiv und ändert keine gespeicherten Konten.</translation>
    </message>
</context>
</TS>
