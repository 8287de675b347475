#!/usr/bin/env bash
# Synthesises every sound of the game from nothing but sox synth notes, then encodes them.
#
# Needs (Debian packages): sox, ffmpeg (with libopus and libmp3lame, as Debian builds it), awk.
#   apt-get install -y sox ffmpeg
# Run from the repo root:  bash scripts/generate-audio.sh
#
# The outputs are committed, so a fresh clone never needs to run this. Re-run it only to
# change a sound; it is deterministic (sox -R, ffmpeg bitexact), so an unchanged run leaves
# git clean.
#
# Writes to assets/audio/:
#   sfx.webm, sfx.mp3  one audio sprite (Opus / MP3), every effect separated by silence
#   sfx.json           the Howler sprite map { name: [startMs, durationMs] }, measured here
#   music.webm, music.mp3  a calm background loop, seamless (the reverb tail is folded back
#                      onto the start, so the loop point has no gap and no click)
#   LICENSE            CC0-1.0
set -euo pipefail

for tool in sox ffmpeg awk; do
  command -v "$tool" >/dev/null || {
    echo "generate-audio: '$tool' is missing (apt-get install -y sox ffmpeg)" >&2
    exit 1
  }
done

OUT=assets/audio
RATE=48000 # Opus always works at 48 kHz; keeping it avoids a resample before encoding.
GAP=0.1    # seconds of silence before, between and after effects in the sprite
mkdir -p "$OUT"

T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT

# Intermediate files are 32-bit float so mixing never clips before the final normalise.
FMT=(-r "$RATE" -c 1 -b 32 -e floating-point)

tmp() { mktemp "$T/XXXXXXXX.wav"; }
# gen OUT SECONDS WAVE FREQ [EFFECT...]: one oscillator from nothing, at -18 dB: sox works
# in fixed point and clips at every stage, so partials start quiet and each sound is
# normalised at its end (-R: repeatable noise, so re-runs give the same output).
gen() {
  local out=$1 d=$2 wave=$3 f=$4
  shift 4
  sox -R -n "${FMT[@]}" "$out" synth "$d" "$wave" "$f" vol 0.125 "$@"
}
# noise OUT SECONDS COLOUR [EFFECT...]
noise() {
  local out=$1 d=$2 colour=$3
  shift 3
  sox -R -n "${FMT[@]}" "$out" synth "$d" "$colour" vol 0.125 "$@"
}
# silence OUT SECONDS
silence() { sox -R -n "${FMT[@]}" "$1" trim 0 "$2"; }
# fx IN OUT EFFECT...
fx() {
  local in=$1 out=$2
  shift 2
  sox -R "$in" "${FMT[@]}" "$out" "$@"
}
# mix OUT [-v WEIGHT FILE]...: sum the inputs (sox -m would otherwise divide by their count).
mix() {
  local out=$1
  shift
  sox -R -m "$@" "${FMT[@]}" "$out"
}
# at IN SECONDS: a copy of IN delayed by SECONDS of silence (prints its path).
at() {
  local o
  o=$(tmp)
  fx "$1" "$o" pad "$2"
  echo "$o"
}
# hz SEMITONES: frequency of the note SEMITONES away from A4 (440 Hz).
hz() { awk -v n="$1" 'BEGIN { printf "%.3f", 440 * 2 ^ (n / 12) }'; }
mul() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.4f", a * b }'; }

# Semitones from A4, for readable chords.
C3=-21 D3=-19 E3=-17 F3=-16 G3=-14 A3=-12 B3=-10
C4=-9 D4=-7 E4=-5 F4=-4 G4=-2 A4=0 B4=2
C5=3 E5=7 G5=10 A5=12 C6=15 E6=19

# bell OUT SEMITONES SECONDS: a soft chime, a sine with quiet 2nd and 3rd partials, a 3 ms
# attack and a logarithmic (near-exponential) decay over the whole note.
bell() {
  local out=$1 f d=$3 a b c
  f=$(hz "$2")
  a=$(tmp) b=$(tmp) c=$(tmp)
  gen "$a" "$d" sine "$f"
  gen "$b" "$d" sine "$(mul "$f" 2)"
  gen "$c" "$d" sine "$(mul "$f" 3)"
  mix "$out" -v 1 "$a" -v 0.25 "$b" -v 0.06 "$c"
  fx "$out" "$a" fade l 0.003 "$d" "$(mul "$d" 0.98)"
  mv "$a" "$out"
}

# horn OUT SEMITONES SECONDS: a rounded brass-like tone (triangle plus a touch of filtered saw).
horn() {
  local out=$1 f d=$3 a b
  f=$(hz "$2")
  a=$(tmp) b=$(tmp)
  gen "$a" "$d" triangle "$f"
  gen "$b" "$d" sawtooth "$f" lowpass 1800
  mix "$out" -v 1 "$a" -v 0.18 "$b"
  fx "$out" "$a" fade q 0.012 "$d" "$(mul "$d" 0.5)"
  mv "$a" "$out"
}

# ---------------------------------------------------------------- effects
E=$T/fx
mkdir -p "$E"

# open: a soft rising "bloop" as a post opens.
a=$(tmp) b=$(tmp)
gen "$a" 0.16 sine 480:900 fade h 0.008 0.16 0.12
gen "$b" 0.16 sine 960:1800 fade h 0.008 0.16 0.14
mix "$E/open.wav" -v 1 "$a" -v 0.12 "$b"
fx "$E/open.wav" "$a" gain -n -12
mv "$a" "$E/open.wav"

# flag: a stamp: a low thump falling in pitch, a short body knock and a papery tick.
a=$(tmp) b=$(tmp) c=$(tmp)
gen "$a" 0.26 sine 170:52 fade l 0.002 0.26 0.25
gen "$b" 0.07 triangle 330:140 fade l 0.001 0.07 0.068
noise "$c" 0.035 brownnoise lowpass 2200 highpass 300 fade l 0.001 0.035 0.033
mix "$E/flag.wav" -v 1 "$a" -v 0.45 "$b" -v 0.5 "$c"
fx "$E/flag.wav" "$a" lowpass 3000 gain -n -3
mv "$a" "$E/flag.wav"

# pass: a soft swipe: three noise bands whose envelopes peak one after another, heard as a
# sweep upwards.
a=$(tmp) b=$(tmp) c=$(tmp)
noise "$a" 0.2 pinknoise bandpass 900 1.2q fade q 0.08 0.2 0.12
noise "$b" 0.2 pinknoise bandpass 1800 1.2q fade q 0.08 0.2 0.12
noise "$c" 0.2 pinknoise bandpass 3400 1.2q fade q 0.08 0.2 0.12
mix "$E/pass.wav" -v 1 "$a" -v 0.8 "$(at "$b" 0.05)" -v 0.6 "$(at "$c" 0.1)"
fx "$E/pass.wav" "$a" lowpass 5000 gain -n -10
mv "$a" "$E/pass.wav"

# correct: a bright two-note chime, A5 then E6 (a fifth up).
a=$(tmp) b=$(tmp)
bell "$a" "$A5" 0.3
bell "$b" "$E6" 0.45
mix "$E/correct.wav" -v 0.8 "$a" -v 1 "$(at "$b" 0.1)"
fx "$E/correct.wav" "$a" gain -n -5
mv "$a" "$E/correct.wav"

# wrong: a soft low "uh-oh" buzz, G3 then E-flat 3; triangles with a slightly detuned saw,
# low-passed so it stays gentle.
w() {
  local out=$1 f d=$3 a b
  f=$(hz "$2")
  a=$(tmp) b=$(tmp)
  gen "$a" "$d" triangle "$f"
  gen "$b" "$d" sawtooth "$(mul "$f" 1.008)"
  mix "$out" -v 1 "$a" -v 0.3 "$b"
  fx "$out" "$a" lowpass 700 fade h 0.015 "$d" 0.06
  mv "$a" "$out"
}
a=$(tmp) b=$(tmp)
w "$a" "$G3" 0.14
w "$b" $((G3 - 4)) 0.26
fx "$a" "$E/wrong.wav" pad 0 0.03
sox -R "$E/wrong.wav" "$b" "${FMT[@]}" "$a"
fx "$a" "$E/wrong.wav" gain -n -10

# streak: a quick rising arpeggio, C5 E5 G5 C6.
parts=()
i=0
for n in "$C5" "$E5" "$G5" "$C6"; do
  p=$(tmp)
  if [ "$n" = "$C6" ]; then bell "$p" "$n" 0.45; else bell "$p" "$n" 0.22; fi
  parts+=(-v 1 "$(at "$p" "$(mul "$i" 0.07)")")
  i=$((i + 1))
done
a=$(tmp)
mix "$a" "${parts[@]}"
fx "$a" "$E/streak.wav" gain -n -5

# levelComplete: a short fanfare, G4 C5 E5 then a held C major chord, with a little room.
parts=()
i=0
for n in "$G4" "$C5" "$E5"; do
  p=$(tmp)
  horn "$p" "$n" 0.16
  parts+=(-v 0.8 "$(at "$p" "$(mul "$i" 0.13)")")
  i=$((i + 1))
done
for n in "$C5" "$E5" "$G5" "$C6"; do
  p=$(tmp)
  horn "$p" "$n" 1.0
  parts+=(-v 0.45 "$(at "$p" 0.39)")
done
a=$(tmp) b=$(tmp)
mix "$a" "${parts[@]}"
# 0.39 s + 1.0 s of notes, padded to 1.5 s so the room can ring out under the fade.
fx "$a" "$b" pad 0 0.11 reverb 35 50 60 lowpass 5000 fade q 0 1.5 0.3 gain -n -4
mv "$b" "$E/levelComplete.wav"

# button: a tiny click, a 25 ms high blip with a whisper of noise.
a=$(tmp) b=$(tmp)
gen "$a" 0.025 sine 1700:1200 fade l 0.001 0.025 0.024
noise "$b" 0.006 whitenoise highpass 3000 fade l 0 0.006 0.006
mix "$E/button.wav" -v 1 "$a" -v 0.15 "$b"
fx "$E/button.wav" "$a" gain -n -14
mv "$a" "$E/button.wav"

# ---------------------------------------------------------------- the sprite
NAMES=(open flag pass correct wrong streak levelComplete button)
silence=$T/gap.wav
silence "$silence" "$GAP"
chain=("$silence")
json="{"
pos=$(sox --i -s "$silence")
for name in "${NAMES[@]}"; do
  len=$(sox --i -s "$E/$name.wav")
  # Whole milliseconds: start rounded down, duration rounded up (the gap absorbs the extra).
  start_ms=$((pos * 1000 / RATE))
  dur_ms=$(((len * 1000 + RATE - 1) / RATE))
  json+="$([ "$json" = "{" ] || echo ",")"$'\n'"  \"$name\": [$start_ms, $dur_ms]"
  chain+=("$E/$name.wav" "$silence")
  pos=$((pos + len + $(sox --i -s "$silence")))
done
json+=$'\n'"}"
sox -R "${chain[@]}" "${FMT[@]}" "$T/sfx.wav"
printf '%s\n' "$json" >"$OUT/sfx.json"

# ---------------------------------------------------------------- music
# 80 bpm, four chords of two bars each (6 s): Fmaj7, Em7, Dm7, Cmaj7, a calm descending loop.
BAR=6
LOOP=24
TAIL=4 # seconds of silence for the reverb to ring into; the overflow is folded back
chords=(
  "$F3 $A3 $C4 $E4"
  "$E3 $G3 $B3 $D4"
  "$D3 $F3 $A3 $C4"
  "$C3 $E3 $G3 $B3"
)

# pad OUT "SEMITONES...": a warm chord, two detuned triangles per note, slow swell and release.
pad() {
  local out=$1 parts=() n f a b
  for n in $2; do
    f=$(hz "$n")
    a=$(tmp) b=$(tmp)
    gen "$a" 7.5 triangle "$(mul "$f" 0.997)"
    gen "$b" 7.5 sine "$(mul "$f" 1.003)"
    parts+=(-v 0.4 "$a" -v 0.4 "$b")
  done
  a=$(tmp)
  mix "$a" "${parts[@]}"
  fx "$a" "$out" lowpass 1400 tremolo 0.25 15 fade q 1.2 7.5 1.5
}

# The arpeggio: eighth notes (0.375 s) over each chord, an octave up, with rests ("-").
PATTERN=(0 2 1 3 2 4 3 - 0 2 1 3 2 - - -)
pluck_note() { gen "$1" 0.375 pluck "$(hz "$2")" lowpass 2600 fade l 0.002 0.375 0.3; }
rest=$T/rest.wav
silence "$rest" 0.375

pads=()
arp=()
bass=()
for ci in 0 1 2 3; do
  read -r -a tones <<<"${chords[$ci]}"
  p=$(tmp)
  pad "$p" "${chords[$ci]}"
  pads+=(-v 1 "$(at "$p" $((ci * BAR)))")

  b=$(tmp)
  gen "$b" "$BAR" sine "$(hz $((tones[0] - 12)))" fade q 0.3 "$BAR" 1
  bass+=("$b")

  for step in "${PATTERN[@]}"; do
    if [ "$step" = "-" ]; then
      arp+=("$rest")
    else
      # degree 4 is the root an octave up
      if [ "$step" = 4 ]; then n=$((tones[0] + 24)); else n=$((tones[step] + 12)); fi
      q=$(tmp)
      pluck_note "$q" "$n"
      arp+=("$q")
    fi
  done
done

a=$(tmp) b=$(tmp) c=$(tmp)
sox -R "${arp[@]}" "${FMT[@]}" "$a"
fx "$a" "$b" pad 0 2 echo 0.8 0.7 562.5 0.25 # a dotted-eighth echo, in time
sox -R "${bass[@]}" "${FMT[@]}" "$c"
full=$T/full.wav
mix "$a" "${pads[@]}" -v 0.3 "$c" -v 3 "$b"
fx "$a" "$full" pad 0 "$TAIL" reverb 50 50 80

# Fold the tail: what rings past the loop end is added to the loop's start, exactly what
# plays there when the loop repeats.
body=$(tmp) tail=$(tmp)
fx "$full" "$body" trim 0 "$LOOP"
fx "$full" "$tail" trim "$LOOP"
mix "$a" -v 1 "$body" -v 1 "$tail"
fx "$a" "$T/music.wav" trim 0 "$LOOP" gain -n -6

# ---------------------------------------------------------------- encode
# Mono, modest bitrates; -bitexact and no metadata so re-runs give identical files.
enc() {
  local in=$1 out=$2
  shift 2
  ffmpeg -v error -y -i "$in" -ac 1 -map_metadata -1 -fflags +bitexact -flags:a +bitexact "$@" "$out"
}
enc "$T/sfx.wav" "$OUT/sfx.webm" -c:a libopus -b:a 48k -vbr constrained -application audio
enc "$T/sfx.wav" "$OUT/sfx.mp3" -ar 44100 -c:a libmp3lame -b:a 64k
enc "$T/music.wav" "$OUT/music.webm" -c:a libopus -b:a 32k -vbr constrained -application audio
enc "$T/music.wav" "$OUT/music.mp3" -ar 44100 -c:a libmp3lame -b:a 64k

cat >"$OUT/LICENSE" <<'EOF'
The audio files in this directory (sfx.webm, sfx.mp3, sfx.json, music.webm, music.mp3)
were generated from scratch by scripts/generate-audio.sh in this repository, using only
sox's built-in synthesiser. No samples or recordings were used.

They are dedicated to the public domain under CC0 1.0 Universal (CC0-1.0):
https://creativecommons.org/publicdomain/zero/1.0/

To the extent possible under law, the authors of Flag the Feed have waived all copyright
and related or neighbouring rights to these files.
EOF

# ---------------------------------------------------------------- measure
# Decode what was written (as a browser would) and report length and peaks; fail on a peak
# at or above 0.95, where lossy encoding starts to clip.
peak() { sox "$1" -n stat 2>&1 | awk '/^Maximum amplitude/ { a = $3 } /^Minimum amplitude/ { b = -$3 } END { printf "%.3f", (a > b ? a : b) }'; }
rms() { sox "$1" -n stat 2>&1 | awk '/^RMS +amplitude/ { printf "%.3f", $3 }'; }
status=0
printf '%-12s %8s %9s %6s\n' file bytes seconds peak
for f in sfx.webm sfx.mp3 music.webm music.mp3; do
  ffmpeg -v error -y -i "$OUT/$f" "$T/$f.wav"
  p=$(peak "$T/$f.wav")
  printf '%-12s %8s %9s %6s\n' "$f" "$(wc -c <"$OUT/$f")" "$(sox --i -D "$T/$f.wav")" "$p"
  awk -v p="$p" 'BEGIN { exit !(p >= 0.95) }' && status=1
done
printf '\n%-14s %6s %6s %6s\n' effect ms peak rms
for name in "${NAMES[@]}"; do
  read -r start dur < <(tr -d '[],' <"$OUT/sfx.json" | awk -v n="\"$name\":" '$1 == n { print $2, $3 }')
  sox "$T/sfx.webm.wav" "$T/one.wav" trim "$((start * RATE / 1000))s" "$((dur * RATE / 1000))s"
  printf '%-14s %6s %6s %6s\n' "$name" "$dur" "$(peak "$T/one.wav")" "$(rms "$T/one.wav")"
done
# The loop point: the jump from the last sample to the first should be no bigger than an
# ordinary step between neighbouring samples.
sox "$T/music.wav" -t dat - | awk '
  !/^;/ { if (n++ == 0) first = $2; else { d = $2 - prev; d = d < 0 ? -d : d; if (d > big) big = d }; prev = $2 }
  END { j = first - prev; j = j < 0 ? -j : j; printf "\nmusic loop seam: jump %.4f, largest step inside %.4f\n", j, big }'
[ "$status" = 0 ] || echo "generate-audio: a peak reached 0.95; lower the gain" >&2
exit "$status"
