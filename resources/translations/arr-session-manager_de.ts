<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About ARR Session Manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ARR Session Manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Watch, create, extend and stop remote-rendering sessions across accounts, with a live countdown of every lease and a trace (MS-CV) of every call for support.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AccountEditDialog</name>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A name for this account, e.g. Production</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Region:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Service endpoint:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>https://remoterendering.example.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Token service:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account &amp;id:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>01234567-89ab-cdef-0123-456789abcdef</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account &amp;key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sho&amp;w</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Watch this account&apos;s sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;API version:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The session API the service speaks: v1 (2019) or the GA API 2021-01-01</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Read-only (watch only: no create, extend, stop or keep-alive)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Daily &amp;budget:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alerts when 80 % and 100 % of this is spent in a day: an amount in the prices&apos; currency when prices are set (Preferences), billed hours otherwise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alert when &amp;ready longer than:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An alert, once a day per session, for a session that has been ready for longer than this</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> h</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AccountsDialog</name>
    <message>
        <source>Accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick an account to watch its sessions; untick it to stop polling it without removing it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the built-in &amp;local emulator (demo sessions served on this computer)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CreateSessionDialog</name>
    <message>
        <source>New session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Account:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Size:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lease:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lease hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lease minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>between 1 minute and 24 hours; the session stops when it runs out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Models:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional: URLs of models to preload, one per line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session &amp;id:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DetailsPane</name>
    <message>
        <source>Session details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session ID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hostname:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy hostname</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Elapsed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lease:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remaining:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lease ends:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Teraflops:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handshake port:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inspector port:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error code:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last MS-CV:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy MS-CV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In progress:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>Status:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service code:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MS-CV:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy MS-CV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy details for support</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExtendSessionDialog</name>
    <message>
        <source>Extend lease</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current lease</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remaining</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New lease</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xtend by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hours to add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minutes to add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+30 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+1 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set the lease &amp;to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New lease hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New lease minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>counted from the session&apos;s start</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistoryStore</name>
    <message>
        <source>Session history is off: %1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the folder %1 cannot be created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>permission denied or disk full</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The session history file was damaged; it was kept as %1 and a new history was started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was written by a newer version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>schema %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be upgraded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gone from the list without a final status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a statement failed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Poll every:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remaining turns &amp;amber under:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remaining turns &amp;red under:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Warn before a lease ends:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;notifications (ready, lease running out, failed, expired)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Takes effect at the next start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Currency:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ISO code, e.g. EUR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prices &amp;for:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price per hour</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arr::AboutDialog</name>
    <message>
        <source>Version %1 (Qt %2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arr::Account</name>
    <message>
        <source>The account id is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account id &quot;%1&quot; is not a GUID such as 01234567-89ab-cdef-0123-456789abcdef.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account has no name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account name contains a control character, a line break or a text-direction mark; use letters, digits, spaces and punctuation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account name is longer than %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account key is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account key contains a character that is not in a key (a control character, a line break, a space or a non-ASCII character); a key is base64 text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No endpoint address is given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; contains a user name or password, which this app never sends; give the address without them (the key is given separately).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid address: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; has no host name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; uses plain http, which would send the account key unencrypted; use https (plain http is allowed only for this computer&apos;s own address, such as the local emulator).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; must start with https://.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service endpoint: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token endpoint: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The daily budget must be a number from 0 (none) to %L1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The long-running alert must be from 0 (off) to %1 hours.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arr::AccountEditDialog</name>
    <message>
        <source>Add account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit account %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom endpoint…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>v1 (2019)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>2021-01-01 (GA)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key is stored in the system keychain, never in a settings file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No system keychain is available: the key is kept in memory for this run only and must be entered again next time. It is never written to a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave empty to keep the stored key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The primary or secondary key of the account</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arr::AccountManager</name>
    <message>
        <source>No key is stored for %1: open Accounts, edit it and enter its key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key of %1 is not known in this run (keys cannot be saved without a keychain): open Accounts, edit it and enter its key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key of %1 could not be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key of %1 could not be stored: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n saved accounts could not be read; the details list them.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n accounts have no key: %1. Open Accounts, edit each and enter its key.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n accounts have no key in this run (keys cannot be saved without a keychain): %1. Open Accounts, edit each and enter its key.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The keys of %n accounts could not be read: %1.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The keys of %n accounts could not be stored: %1.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Give the account a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name &quot;%1&quot; is kept for the built-in emulator; choose another.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is already an account named &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account key contains spaces; paste it again exactly as the portal shows it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the account key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account id changed: enter the key of the new account id.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arr::AccountStatusBar</name>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 (%n failures)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>, last good poll %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, no good poll yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last good poll: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next try in %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n accounts: %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>arr::AccountStore</name>
    <message>
        <source>Saved account %1 (&quot;%2&quot;) was not loaded: its API version &quot;%3&quot; is unknown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved account %1 (&quot;%2&quot;) was not loaded: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved account &quot;%1&quot; appears twice; the second was ignored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is already an account named &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arr::AccountsDialog</name>
    <message>
        <source>Demo mode always shows the local emulator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account keys are stored in the system keychain, never in a settings file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;No system keychain is available.&lt;/b&gt; Account keys are kept in memory for this run only and must be entered again after a restart; they are never written to a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Watched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not watched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the account &quot;%1&quot; and delete its key from the keychain?

Sessions of the account keep running (and costing) on the service; they are only no longer shown here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arr::ApiJob</name>
    <message>
        <source>The request was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service refused a freshly issued token: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The session %1 may have been created anyway; creating it again with the same id is safe: the service answers a repeat with the same session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The session may have been created anyway; it was not requested again. Refresh the list before creating another.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The session list went on past %1 pages; the poll stopped there.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arr::ApiResult</name>
    <message>
        <source>The service refused the request as invalid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service did not accept the credentials. Check the account id and key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This account may not do that.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not found: the session or account does not exist (any more).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request conflicts with the session&apos;s current state.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service could not apply the request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service is throttling requests; try again shortly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service had an internal error.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A gateway in front of the service failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service is unavailable for now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service answered with a redirect, which is not followed: check the endpoint.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service failed (status %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service answered with an unexpected status %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>configuration error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>network error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>timed out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>authentication failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>forbidden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>throttled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>service error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unusable answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service did not answer in time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secure connection failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection was refused: is the endpoint right and the service running?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The host was not found: check the endpoint and the network.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection was closed before an answer arrived.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arr::BudgetWatch</name>
    <message>
        <source>%1 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has spent %2 today, its whole daily budget of %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has spent %2 today, %3 % of its daily budget of %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Session %1 (%2) has been ready for %3, longer than the %n hour(s) its account allows.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>arr::Cost</name>
    <message>
        <source>&quot;%1&quot; is not a price: write the size, &quot;=&quot; and a price per hour of zero or more, as in &quot;standard=3.5&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 unpriced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arr::CostStatusLabel</name>
    <message numerus="yes">
        <source>%n session(s) ready</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1/h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Burn rate %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(example prices)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>billed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo uses example prices, not real ones.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No prices are set: cost is shown as billed time (time ready). Set prices in Preferences.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today counts the sessions billed since midnight: those listed now and, from the session history, those that ended.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today counts the sessions this window has watched since midnight.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 now, %3 today</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arr::CreateSessionDialog</name>
    <message>
        <source>&amp;Create</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional: models to preload, one URL per line, e.g.
https://account.blob.core.windows.net/models/engine.arrAsset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional: letters, digits, - and _; a new UUID when empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Named by the service (v1 API)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the lease hours as a whole number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the lease minutes as a whole number from 0 to 59.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no account to create a session in: add one under Accounts first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a size this API version is known to offer; the service may refuse it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arr::DesktopCommandLine</name>
    <message>
        <source>Watch, create, extend and stop remote-rendering sessions across accounts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start with the built-in local emulator alone, with demo sessions. Saved accounts are neither loaded nor changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read and write preferences and accounts in &lt;file&gt; (an ini file) instead of the default location.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With --demo, add &lt;count&gt; more ready sessions to the demo account (up to 100000), to try the app at scale.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Watch only: sessions of every account can be seen, not created, extended, stopped or kept alive.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unexpected argument: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--settings needs a file name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--settings &quot;%1&quot; is not a regular file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--demo-sessions takes a whole number from 0 to 100000, not &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--demo-sessions goes with --demo.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arr::DetailsPane</name>
    <message>
        <source>Session ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hostname</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MS-CV of the last call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied session id %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied hostname %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied MS-CV %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a session to see its details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n sessions selected.
Extend and Stop apply to all of them.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>– (ended)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arr::EmptyStatePage</name>
    <message>
        <source>Add an account…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try the local emulator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New session…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit account…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No accounts yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add your remote-rendering account to see and manage its sessions here. Or try the built-in local emulator first: it runs on this computer with demo sessions in every state, nothing to set up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add your remote-rendering account to see and manage its sessions here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking for sessions…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sessions appear here as soon as the service answers. The status bar below shows how each account is doing; the request log shows every call.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be asked for sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its settings need correcting before anything can be asked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None of your accounts has a session right now. Start one with New session (%1).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arr::ErrorDialog</name>
    <message>
        <source>(the service gave no message)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none: no answer carried one)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No HTTP answer (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service code: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MS-CV: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempts: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arr::ExtendSessionDialog</name>
    <message>
        <source>&amp;Extend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extend the lease of session %1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Extend the lease of %n sessions.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Keep &amp;alive…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extend this session automatically, up to a limit, instead of once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the hours and minutes as whole numbers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>a session id, then why it cannot take the new lease</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No session to extend.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arr::GaCodec</name>
    <message>
        <source>The answer is larger than any answer of this service can be.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer is HTML, not JSON: is the endpoint right?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer is not valid JSON (%1 at byte %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; has the wrong type.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A session has no &quot;id&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; should be a whole number of minutes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; should be a port number from 1 to 65535.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;teraflops&quot; should be a number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;creationTime&quot; is not an ISO 8601 time: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer is not a session object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer is not a session list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;sessions&quot; is not a list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session %1 of the list is not an object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session %1 of the list: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;@nextLink&quot; is not an address.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arr::HistoryChart</name>
    <message>
        <source>No sessions in this range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost per day by account (sessions without a price are not included)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost per day by account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Billed hours per day by account (the costs are in several currencies)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Billed hours per day by account (no prices set)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hours</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arr::HistoryEventsPane</name>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gone from the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Command failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MS-CV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events of session %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No events were recorded for this session.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arr::HistoryLauncher</name>
    <message>
        <source>&amp;History…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No history is kept in demo mode: its sessions are made up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Past sessions, their billed time and cost (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arr::HistoryRangePicker</name>
    <message>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Range:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arr::HistoryRecorder</name>
    <message>
        <source>Automatic (keep-alive): %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arr::HistoryTableModel</name>
    <message>
        <source>%1 (gone from the list)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>created here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopped here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No price was set for this size when the session was recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The session disappeared from the list without a final status; it is closed at its last known state.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First seen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ended at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Billed time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arr::HistoryWindow</name>
    <message>
        <source>Session history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click a session to see its events.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export JSON…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session ID, size or message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Account:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No history is kept in demo mode: its sessions are made up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The session history cannot be read. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the newest %L1 sessions of this range are shown, counted and exported: choose a shorter range to see the others.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The range ends before it starts: choose a later end date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n session(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · billed %2 · cost %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · billed %2 · no price was set, so no cost is shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The history could not be written to %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the history as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the history as JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Exported %n session(s) to %1.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>arr::HttpCall</name>
    <message>
        <source>The answer was cut off after %1 of %2 bytes: the rest did not arrive in time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer was cut off after %1 bytes: the rest did not arrive in time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer was cut off after %1 of %2 bytes: the connection ended before the rest arrived.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer was cut off after %1 bytes: the connection ended before the rest arrived.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer was larger than %1 MiB.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arr::JsonCodec</name>
    <message>
        <source>a boolean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an array</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; should be %2 but is %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;creationTime&quot; is not an ISO 8601 time: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a time span string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a time span: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; should be a port number from 1 to 65535.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A session has no &quot;sessionId&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer is HTML, not JSON: is the endpoint right?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer is %1 MiB, larger than any answer of this service can be.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer is not valid JSON (%1 at byte %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer to a create is not a JSON object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer to a create has no session id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The session&apos;s properties are not a JSON object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer is not valid JSON (unexpected text after the end at byte %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entry %1 of the session list is not an object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entry %1 of the session list: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session %1 is listed twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;sessions&quot; should be an array but is %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The session list has no &quot;sessions&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The session list is not a JSON object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token service&apos;s answer is not a JSON object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token service&apos;s answer has no &quot;AccessToken&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arr::JsonReader</name>
    <message>
        <source>The answer is not valid JSON (%1 at byte %2).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arr::KeepAliveDialog</name>
    <message>
        <source>H:MM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep session alive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep session &lt;b&gt;%1&lt;/b&gt; (%2) running by extending its lease before it runs out, up to a limit you set. Nothing is extended beyond the limit or the service&apos;s 24 hours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep alive until (time of day)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Up to a total &amp;lease of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Longest total lease</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extend by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When less than this is left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extend &amp;by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When less than this is &amp;left:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep alive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Stop keeping alive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total lease</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Less than</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The session&apos;s lease is already %1: choose a longer total lease.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extended by %1 whenever less than %2 is left, never past %3; it then stops when its lease ends.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extended by %1 whenever less than %2 is left, up to a total lease of %3; it then stops when that lease ends.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arr::KeepAliveManager</name>
    <message>
        <source>There is no such session to keep alive.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session %1 is no longer listed; it is no longer kept alive.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session %1 was kept alive %2; it will stop at %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session %1 ended; it is no longer kept alive.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session %1 is being kept alive %2: its lease was extended automatically to %3.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arr::KeepAlivePolicy</name>
    <message>
        <source>The time to keep the session alive until is not a valid time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The longest lease must be longer than zero.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The longest lease can be at most 24 hours, the service&apos;s limit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The step to extend by must be at least one minute.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The step to extend by can be at most 24 hours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The lease left before extending must be at least one minute.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The lease left before extending can be at most 24 hours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>until %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>up to a lease of %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arr::KeychainSecretStore</name>
    <message>
        <source>The system keychain is not available (%1); account keys are kept in memory for this run only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key could not be removed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arr::LocalEmulator</name>
    <message>
        <source>The local emulator could not start: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arr::MainWindow</name>
    <message>
        <source>ARR Session Manager (demo)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ARR Session Manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening your accounts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 Nothing is asked until the account is corrected: edit it and enter its key.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arr::MemorySecretStore</name>
    <message>
        <source>No key is stored for this account.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arr::MessageBar</name>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arr::NotificationsPanel</name>
    <message>
        <source>Notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No notifications yet. Sessions becoming ready, leases running out, keep-alive extends and budget alerts are listed here with their time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove every notification from this list</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>&amp;Notifications (%n new)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Notifications</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arr::Notifier</name>
    <message>
        <source>ARR Session Manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lease running out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session kept alive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Budget almost spent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Budget spent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session running long</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep-alive ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ARR Session Manager
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 – %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arr::PreferencesDialog</name>
    <message>
        <source>The service asks clients to keep at least %1 seconds between calls.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo uses these example prices; they are not saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave a price empty to show that size&apos;s cost as billed hours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prices negotiated for %1; an empty one uses the price for all accounts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The price for %1 is not a number of zero or more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter every value as a whole number within its range.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the currency as its three-letter ISO code (EUR, USD), or leave it empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The red threshold (%1 min) must not be above the amber one (%2 min).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arr::RequestLogModel</name>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MS-CV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arr::RequestLogPanel</name>
    <message>
        <source>&amp;Errors only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy rows for a support ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the selected rows as tab-separated lines, for a support ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show only requests that failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys and tokens are never recorded.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arr::RequestValidator</name>
    <message>
        <source>The lease must be longer than zero.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The lease of %1 is longer than 24 hours, the longest the service grants.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new lease of %1 must be longer than the current lease of %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The session size is empty: give one such as standard or premium.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The size &quot;%1&quot; is not a single word such as standard or premium.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model &quot;%1&quot; is not a full URL such as https://account.blob.core.windows.net/models/engine.arrAsset.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model &quot;%1&quot; uses plain http, which is allowed only for this computer&apos;s own address; use https.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model &quot;%1&quot; is neither an https:// nor a builtin:// URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The session id is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a session id: in an address it names a folder, not a session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The session id &quot;%1&quot; is not a GUID such as 01234567-89ab-cdef-0123-456789abcdef.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The session id is %1 characters long; at most %2 are allowed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The session id &quot;%1&quot; may contain only ASCII letters, digits, &quot;-&quot; and &quot;_&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arr::Session</name>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arr::SessionColumns</name>
    <message>
        <source>Reset columns</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arr::SessionCommands</name>
    <message>
        <source>&amp;New session…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a new session (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Extend lease…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extend the lease of the selected sessions (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep alive…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extend the selected session automatically before its lease runs out, up to a limit (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Stop…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the selected sessions, after confirming (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask every account for its sessions now (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Accounts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add, edit, remove, enable or disable accounts (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the &amp;local emulator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy session &amp;id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy &amp;hostname</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About ARR Session Manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>&amp;Extend %n leases…</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Stop %n sessions…</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Copied hostname %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied session id %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating a %1 session on %2…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a starting or ready session to extend.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Extending %n lease(s)…</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Select one starting or ready session to keep alive.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keeping session %1 alive %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session %1 is no longer kept alive; its lease stays as it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>• %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>• %1 (%2, %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a session that is running to stop it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Stop %n session(s)? A stopped session cannot be restarted, and whoever is connected to it is disconnected.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Stop session %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Stop %n sessions</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Stop sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to stop: the sessions ended while you were asked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Stopping %n session(s)…</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Refreshing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not create a session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not create a session on %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not extend a lease</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not extend the lease of session %1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not stop a session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not stop session %1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not keep a session alive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not keep session %1 (%2) alive.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arr::SessionDialect</name>
    <message>
        <source>The service&apos;s link to the next page of sessions is not an address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service linked the next page of sessions to %1, which is not the account&apos;s endpoint %2: it was not followed, so that the account&apos;s token goes nowhere else.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service accepted the create, but its answer could not be read (%1). The session probably exists: refresh the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The session list could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service has no properties for this session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The session&apos;s properties could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arr::SessionMonitor</name>
    <message>
        <source>connecting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>healthy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>backing off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failing to authenticate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>misconfigured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account was removed before the command was confirmed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session %1 (%2) is ready: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session %1 (%2) ended in error: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session %1 (%2) expired.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The lease of session %1 (%2) ends in %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no account named &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created session %1 on %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not create a session on %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>extending to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stop requested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keep-alive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The session ended before the new lease was confirmed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service accepted the command, but the session did not change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extended the lease of session %1 to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not extend session %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not stop session %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session %1 had already ended: its lease ran out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session %1 had already ended with an error.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped session %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arr::SessionTableModel</name>
    <message>
        <source>As of %1: %2 is not answering, so this may no longer be the session&apos;s state.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept alive %1: extended by %2 when less than %3 is left.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hostname</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Elapsed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lease</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remaining</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Teraflops</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handshake port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost so far</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost at lease end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept alive until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inspector port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service did not say how long this session has been ready.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 billed (time ready). No price is set for size &quot;%2&quot;: set one in Preferences.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 billed × %2 per hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(example prices)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arr::SessionsPage</name>
    <message>
        <source>All statuses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live (starting, ready, stopping)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed or expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide stopped/expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Hide stopped and expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by account, id, hostname, status, size or message (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show only sessions in these states</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide sessions that have stopped or expired (Ctrl+H)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n sessions shown</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>arr::TimeSpan</name>
    <message>
        <source>No time was given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a time: expected hours:minutes[:seconds], such as 4:00:00.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; has no hours after the days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; has no valid minutes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; has no valid seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; has a fraction of a second with no digits or more than seven.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; has unexpected text after the time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hours must be between 0 and 23 in &quot;%1&quot;; write a day as 1.00:00:00.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minutes must be between 0 and 59 in &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seconds must be between 0 and 59 in &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is longer than any time span can be.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n d </source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>arr::TokenProvider</name>
    <message>
        <source>The account has no key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token service refused the account id or key: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not get an access token: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token service&apos;s answer is unusable: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arr::WindowBanners</name>
    <message>
        <source>Demo mode: the built-in local emulator with made-up sessions. Your saved accounts are not loaded or changed; accounts added now last for this run only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No system keychain is available: account keys are kept in memory for this run only and must be entered again after a restart. They are never written to a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accounts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is asked again when the network returns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>next retry at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 has not answered since %2 (%n failed poll(s)); %3.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Its sessions are shown dimmed, as they were then.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Retry now</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arr::Workspace</name>
    <message>
        <source>The app was started with --read-only: sessions can be watched, not created, extended or stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account &quot;%1&quot; is read-only (watch only): its sessions can be watched, not created, extended or stopped.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arr::style</name>
    <message>
        <source>– (stopping)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>ARR Session Manager</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
