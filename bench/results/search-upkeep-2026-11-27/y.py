# Prototype timing script (issue 15, 2026-11-27), run with the app's SQLite 3.53 (LD_LIBRARY_PATH to its libe_sqlite3.so) on copies of a 100,000-patient bench clinic; paths are that machine's.
import sqlite3,time,sys,os
exec(open('x.py').read().split('for q in sys.argv[1:]:')[0].replace("'+__import__('os').environ.get('DB','p2.db')+'",os.environ['DB']))
pre='''SELECT count(*) FROM "PatientSearchDocuments" d INDEXED BY "IX_PatientSearchDocuments_SortName_Current" WHERE NOT d."Archived" AND d."SortName" >= :up AND d."SortName" < :up || char(1114111)'''
for q in sys.argv[1:]:
    up=q.upper(); fq='"'+q+'"'
    n=c.execute('select count(*) from PatientSearchTrigrams where PatientSearchTrigrams match ?', (fq,)).fetchone()[0]
    b=c.execute(pre,dict(up=up)).fetchone()[0]
    args=dict(q=fq,up=up,lim=25*2,ps=25,off=25)
    print(q,n,b)
    t('  inmatch',tier(inmatch),args); t('  walk',tier(walk),args); t('  block',pre,dict(up=up))
