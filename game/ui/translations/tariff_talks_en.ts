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
</TS>
