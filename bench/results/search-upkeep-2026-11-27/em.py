# Prototype timing script (issue 15, 2026-11-27), run with the app's SQLite 3.53 (LD_LIBRARY_PATH to its libe_sqlite3.so) on copies of a 100,000-patient bench clinic; paths are that machine's.
import sqlite3,time,sys
ems=None
for f in sys.argv[1:]:
    c=sqlite3.connect(f'file:/tmp/s/db/{f}?mode=ro',uri=True,cached_statements=0)
    if ems is None: ems=[r[0] for r in c.execute("select Email from PatientSearchDocuments where Email like 'S%@CLINIC.EXAMPLE' order by random() limit 6")]
    out=[]
    for em in ems:
        q='"'+em.lower()+'"'
        c.execute('select count(*) from PatientSearchTrigrams where PatientSearchTrigrams match ?',(q,)).fetchall()
        a=time.perf_counter(); r=c.execute('select count(*) from PatientSearchTrigrams where PatientSearchTrigrams match ?',(q,)).fetchall(); out.append((time.perf_counter()-a)*1000)
    print(f, ' '.join(f'{x:.2f}' for x in out))
