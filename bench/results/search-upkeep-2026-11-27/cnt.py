# Prototype timing script (issue 15, 2026-11-27), run with the app's SQLite 3.53 (LD_LIBRARY_PATH to its libe_sqlite3.so) on copies of a 100,000-patient bench clinic; paths are that machine's.
import sqlite3,time,sys
for f in sys.argv[1:]:
    c=sqlite3.connect(f'file:/tmp/s/db/{f}?mode=ro',uri=True,cached_statements=0)
    out=[]
    for tab,q in [('PatientSearchTrigrams','"ava"'),('PatientSearchTrigrams','"olivia p"'),('PatientSearchTrigrams','"quinn ro"'),('PatientSearchTrigrams','"smith"'),('PatientSearchTrigrams','"5550123"'),('PatientSearchWords','"av"*'),('PatientSearchWords','"ch"*')]:
        sql=f'select count(*) from {tab} where {tab} match ?'
        c.execute(sql,(q,)).fetchall(); a=time.perf_counter()
        for _ in range(10): c.execute(sql,(q,)).fetchall()
        out.append(f'{q}={(time.perf_counter()-a)*100:.2f}')
    print(f,' '.join(out))
