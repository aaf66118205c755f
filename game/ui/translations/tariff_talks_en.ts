<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>DebriefReport</name>
    <message numerus="yes">
        <source>{whose} package of %n term(s) is accepted by {other} and signed</source>
        <translation>
            <numerusform>{whose} package of %n term is accepted by {other} and signed</numerusform>
            <numerusform>{whose} package of %n terms is accepted by {other} and signed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{who} offers %n term(s) — {answer}</source>
        <translation>
            <numerusform>{who} offers %n term — {answer}</numerusform>
            <numerusform>{who} offers %n terms — {answer}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n agreement(s) signed; {m} in force at the end</source>
        <translation>
            <numerusform>%n agreement signed; {m} in force at the end</numerusform>
            <numerusform>%n agreements signed; {m} in force at the end</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>Advisers: propose a package of %n term(s) — see it in the negotiation table, ready to load.</source>
        <translation>
            <numerusform>Advisers: propose a package of %n term — see it in the negotiation table, ready to load.</numerusform>
            <numerusform>Advisers: propose a package of %n terms — see it in the negotiation table, ready to load.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deadline {date}: %n more turn(s) after this one</source>
        <translation>
            <numerusform>Deadline {date}: %n more turn after this one</numerusform>
            <numerusform>Deadline {date}: %n more turns after this one</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ScenarioEditor</name>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n error</numerusform>
            <numerusform>%n errors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n warning</numerusform>
            <numerusform>%n warnings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hint(s)</source>
        <translation>
            <numerusform>%n hint</numerusform>
            <numerusform>%n hints</numerusform>
        </translation>
    </message>
</context>
</TS>
