import json, sys
cmds = json.load(open(sys.argv[1]))
root = sys.argv[2].rstrip("/")
checked = 0
bad = []
for c in cmds:
    f = c["file"]
    if not (f.startswith(root + "/driver/") or f.startswith(root + "/lang/")):
        continue
    checked += 1
    cmd = c.get("command") or " ".join(c.get("arguments", []))
    for tok in cmd.split():
        if tok.startswith("-I") and tok[2:].rstrip("/").startswith(root + "/src"):
            bad.append((f, tok))
if checked == 0:
    print("no driver/ or lang/ files found in compile_commands.json")
    sys.exit(1)
if bad:
    for f, t in bad:
        print("boundary violation:", f, t)
    sys.exit(1)
print("checked", checked, "files")
