# Prototype timing script (issue 15, 2026-11-27), run with the app's SQLite 3.53 (LD_LIBRARY_PATH to its libe_sqlite3.so) on copies of a 100,000-patient bench clinic; paths are that machine's.
import json,collections,sys
d=json.load(open(sys.argv[1])); req=float(sys.argv[2])*12
names=[f['name'] for f in d['shared']['frames']]
keys=['HttpProtocol+<ProcessRequests>','AdminPatientsApi+<SearchAsync>','SqlitePatientSearch+<SearchAsync>','IMatcher-CountAsync','IMatcher-FindAsync','CatchUpAsync','SpreadAsync','PatientSearch+<FieldsAsync>','SeriesQueries+<LoadForPatientsAsync>','PrescriptionService+<LoadForPatientsAsync>','AuditWriter+<FlushAsync>','sqlite3_prepare_v2','SqliteDataReader.NextResult','TokenCheck','JsonSerializer']
cpu=names.index('CPU_TIME'); tot=collections.Counter()
for p in d['profiles']:
    stack=[]; last=None
    for e in p['events']:
        at=e['at']
        if last is not None and stack and cpu in stack:
            st=[names[i] for i in stack]
            for k in keys:
                if any(k in s for s in st): tot[k]+=at-last
        if e['type']=='O': stack.append(e['frame'])
        else: stack.pop()
        last=at
for k in keys: print(f'{k:45} {tot[k]/req:6.3f} ms/request')
