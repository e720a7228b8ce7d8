<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>arr::AccountManager</name>
    <message numerus="yes">
        <source>%n saved accounts could not be read; the details list them.</source>
        <translation>
            <numerusform>%n saved account could not be read; the details say why.</numerusform>
            <numerusform>%n saved accounts could not be read; the details list them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 and %n more</numerusform>
            <numerusform>%1 and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n accounts have no key: %1. Open Accounts, edit each and enter its key.</source>
        <translation>
            <numerusform>%n account has no key: %1. Open Accounts, edit it and enter its key.</numerusform>
            <numerusform>%n accounts have no key: %1. Open Accounts, edit each and enter its key.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n accounts have no key in this run (keys cannot be saved without a keychain): %1. Open Accounts, edit each and enter its key.</source>
        <translation>
            <numerusform>%n account has no key in this run (keys cannot be saved without a keychain): %1. Open Accounts, edit it and enter its key.</numerusform>
            <numerusform>%n accounts have no key in this run (keys cannot be saved without a keychain): %1. Open Accounts, edit each and enter its key.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The keys of %n accounts could not be read: %1.</source>
        <translation>
            <numerusform>The key of %n account could not be read: %1.</numerusform>
            <numerusform>The keys of %n accounts could not be read: %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The keys of %n accounts could not be stored: %1.</source>
        <translation>
            <numerusform>The key of %n account could not be stored: %1.</numerusform>
            <numerusform>The keys of %n accounts could not be stored: %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>arr::AccountStatusBar</name>
    <message numerus="yes">
        <source>%1: %2 (%n failures)</source>
        <translation>
            <numerusform>%1: %2 (%n failure)</numerusform>
            <numerusform>%1: %2 (%n failures)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n accounts: %1</source>
        <translation>
            <numerusform>%n account: %1</numerusform>
            <numerusform>%n accounts: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… and %n more</numerusform>
            <numerusform>… and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>arr::BudgetWatch</name>
    <message numerus="yes">
        <source>Session %1 (%2) has been ready for %3, longer than the %n hour(s) its account allows.</source>
        <translation>
            <numerusform>Session %1 (%2) has been ready for %3, longer than the %n hour its account allows.</numerusform>
            <numerusform>Session %1 (%2) has been ready for %3, longer than the %n hours its account allows.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>arr::CostStatusLabel</name>
    <message numerus="yes">
        <source>%n session(s) ready</source>
        <translation>
            <numerusform>%n session ready</numerusform>
            <numerusform>%n sessions ready</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>arr::DetailsPane</name>
    <message numerus="yes">
        <source>%n sessions selected.
Extend and Stop apply to all of them.</source>
        <translation>
            <numerusform>%n session selected.
Extend and Stop apply to it.</numerusform>
            <numerusform>%n sessions selected.
Extend and Stop apply to all of them.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>arr::ExtendSessionDialog</name>
    <message numerus="yes">
        <source>Extend the lease of %n sessions.</source>
        <translation>
            <numerusform>Extend the lease of %n session.</numerusform>
            <numerusform>Extend the lease of %n sessions.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>arr::HistoryLauncher</name>
    <message numerus="yes">
        <source>%n session(s) of this computer are in the team&apos;s history; </source>
        <translation>
            <numerusform>%n session of this computer is in the team&apos;s history; </numerusform>
            <numerusform>%n sessions of this computer are in the team&apos;s history; </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) added.</source>
        <translation>
            <numerusform>%n event added.</numerusform>
            <numerusform>%n events added.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>arr::HistoryRecorder</name>
    <message numerus="yes">
        <source>%1 Nothing is lost: %n change(s) wait and are written as soon as the file can be written again.</source>
        <translation>
            <numerusform>%1 Nothing is lost: %n change waits and is written as soon as the file can be written again.</numerusform>
            <numerusform>%1 Nothing is lost: %n changes wait and are written as soon as the file can be written again.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Team history unreachable since %1; %n record(s) waiting.</source>
        <translation>
            <numerusform>Team history unreachable since %1; %n record waiting.</numerusform>
            <numerusform>Team history unreachable since %1; %n records waiting.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>arr::HistoryWindow</name>
    <message numerus="yes">
        <source>%n session(s)</source>
        <translation>
            <numerusform>%n session</numerusform>
            <numerusform>%n sessions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n session(s) to %1.</source>
        <translation>
            <numerusform>Exported %n session to %1.</numerusform>
            <numerusform>Exported %n sessions to %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Alerts (%n)</source>
        <translation>
            <numerusform>Alerts (%n)</numerusform>
            <numerusform>Alerts (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>arr::KeepAlivePolicy</name>
    <message numerus="yes">
        <source>The service accepted %n extends of session %1 in a row, but its lease did not grow to what was asked (asked %2, the lease is %3); keep-alive stopped.</source>
        <translation>
            <numerusform>The service accepted %n extend of session %1, but its lease did not grow to what was asked (asked %2, the lease is %3); keep-alive stopped.</numerusform>
            <numerusform>The service accepted %n extends of session %1 in a row, but its lease did not grow to what was asked (asked %2, the lease is %3); keep-alive stopped.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>arr::LocalEmulator</name>
    <message numerus="yes">
        <source>The local emulator did not start: %1 gave no answer within %n seconds.</source>
        <translation>
            <numerusform>The local emulator did not start: %1 gave no answer within %n second.</numerusform>
            <numerusform>The local emulator did not start: %1 gave no answer within %n seconds.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>arr::NotificationsPanel</name>
    <message numerus="yes">
        <source>&amp;Notifications (%n new)</source>
        <translation>
            <numerusform>&amp;Notifications (%n new)</numerusform>
            <numerusform>&amp;Notifications (%n new)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>arr::SessionCommands</name>
    <message numerus="yes">
        <source>&amp;Extend %n leases…</source>
        <translation>
            <numerusform>&amp;Extend %n lease…</numerusform>
            <numerusform>&amp;Extend %n leases…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Stop %n sessions…</source>
        <translation>
            <numerusform>&amp;Stop %n session…</numerusform>
            <numerusform>&amp;Stop %n sessions…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Extending %n lease(s)…</source>
        <translation>
            <numerusform>Extending %n lease…</numerusform>
            <numerusform>Extending %n leases…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Stop %n session(s)? A stopped session cannot be restarted, and whoever is connected to it is disconnected.</source>
        <translation>
            <numerusform>Stop %n session? A stopped session cannot be restarted, and whoever is connected to it is disconnected.</numerusform>
            <numerusform>Stop %n sessions? A stopped session cannot be restarted, and whoever is connected to them is disconnected.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Stop %n sessions</source>
        <translation>
            <numerusform>Stop %n session</numerusform>
            <numerusform>Stop %n sessions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Stopping %n session(s)…</source>
        <translation>
            <numerusform>Stopping %n session…</numerusform>
            <numerusform>Stopping %n sessions…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>arr::SessionsPage</name>
    <message numerus="yes">
        <source>%1 of %n sessions shown</source>
        <translation>
            <numerusform>%1 of %n session shown</numerusform>
            <numerusform>%1 of %n sessions shown</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>arr::TimeSpan</name>
    <message numerus="yes">
        <source>%n d </source>
        <translation>
            <numerusform>%n d </numerusform>
            <numerusform>%n d </numerusform>
        </translation>
    </message>
</context>
<context>
    <name>arr::WindowBanners</name>
    <message numerus="yes">
        <source>%1 has not answered since %2 (%n failed poll(s)); %3.</source>
        <translation>
            <numerusform>%1 has not answered since %2 (%n failed poll); %3.</numerusform>
            <numerusform>%1 has not answered since %2 (%n failed polls); %3.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Its sessions are shown dimmed, as they were then.</source>
        <translation>
            <numerusform>Its sessions are shown dimmed, as they were then.</numerusform>
            <numerusform>Their sessions are shown dimmed, as they were then.</numerusform>
        </translation>
    </message>
</context>
</TS>
