-- One person's ledger, written in bulk (the Api would take hours for a million rows), then every table the Api keeps in
-- step with its writes rebuilt from the rows exactly as its writes keep them: accounts.transactions_total, monthly_totals
-- (plain rows under their category, 0 for none; transfer sides under -1; split parts under their own categories, the
-- first part counting the transaction), transfers, transaction_splits, transaction_tags.
-- Set before: @user (an existing user without accounts or transactions) and @rows.
-- Shape: 6 accounts (4 EUR, 2 USD), 40 categories (8 top-level with 4 subcategories each), 2,000 payees, 15 years of
-- dates (ids increase with the date), 1 row in 100 is a transfer side (pairs), 1 in 100 is split in 3 parts, ~6% tagged.
SET SESSION foreign_key_checks = 0, unique_checks = 0;
START TRANSACTION;

DELETE FROM categories WHERE user_id = @user;
INSERT INTO accounts (user_id, name, type, currency, opening_balance) VALUES
    (@user, 'Checking', 'checking', 'EUR', 1500), (@user, 'Savings', 'savings', 'EUR', 10000),
    (@user, 'Credit card', 'credit', 'EUR', 0), (@user, 'Cash', 'cash', 'EUR', 200),
    (@user, 'US checking', 'checking', 'USD', 800), (@user, 'US card', 'credit', 'USD', 0);
SELECT MIN(id) INTO @account FROM accounts WHERE user_id = @user;

-- Top-level categories k = 0..7 (0, 1 income; 2..7 expense), then subcategories k*4 + j.
INSERT INTO categories (user_id, name, kind, parent_id, color)
SELECT @user, ELT(seq + 1, 'Salary', 'Other income', 'Home', 'Food', 'Transport', 'Leisure', 'Health', 'Shopping'),
       IF(seq < 2, 'income', 'expense'), NULL, '#336699'
FROM seq_0_to_7;
SELECT MIN(id) INTO @top FROM categories WHERE user_id = @user;
INSERT INTO categories (user_id, name, kind, parent_id, color)
SELECT @user, CONCAT(p.name, ' ', seq % 4 + 1), p.kind, p.id, NULL
FROM seq_0_to_31 JOIN categories p ON p.id = @top + seq DIV 4;
SELECT MIN(id) INTO @sub FROM categories WHERE user_id = @user AND parent_id IS NOT NULL;

SELECT COALESCE(MAX(id), 0) + 1 INTO @base FROM transactions;
SELECT COALESCE(MAX(id), 0) + 1 INTO @transfer FROM transfers;

-- Row s: account s % 6 (4, 5 are USD); a transfer's from side at s % 100 = 3 and its to side at s + 1 in the next
-- account (converted at 1.08 / 0.93 across currencies); a split at s % 100 = 7; income at s % 15 = 0.
INSERT INTO transactions (id, user_id, account_id, category_id, booking_date, amount, currency, payee, notes, transfer_id, cleared)
SELECT @base + seq, @user, @account + acc, cat, DATE_SUB(CURDATE(), INTERVAL FLOOR((@rows - day_seq) * 5478 / @rows) DAY),
       amount, IF(acc >= 4, 'USD', 'EUR'), payee, notes, transfer, seq < @rows * 0.9
FROM (
    SELECT seq,
           IF(seq % 100 = 4, seq - 1, seq) AS day_seq,
           IF(seq % 100 = 4, (seq - 1 + 1) % 6, seq % 6) AS acc,
           CASE WHEN seq % 100 IN (3, 4, 7) THEN NULL
                WHEN seq % 37 = 0 THEN NULL
                WHEN seq % 15 = 0 THEN @sub + seq % 8
                ELSE @sub + 8 + FLOOR(seq * 7919 / 13) % 24 END AS cat, -- spread over every account
           CASE WHEN seq % 100 = 4 THEN ROUND((1 + ((seq - 1) * 7919 % 20000) / 100)
                    * CASE WHEN (seq - 1) % 6 = 3 THEN 1.08 WHEN (seq - 1) % 6 = 5 THEN 0.93 ELSE 1 END, 2)
                WHEN seq % 15 = 0 THEN 1200 + seq % 1000
                ELSE -ROUND(1 + (seq * 7919 % 20000) / 100, 2) END AS amount,
           IF(seq % 100 IN (3, 4), 'Own transfer',
              CONCAT(ELT(1 + (seq * 7919 % 2000) % 25, 'Rewe', 'Lidl', 'Aldi', 'Edeka', 'Amazon', 'Netflix', 'Shell', 'Aral',
                     'Deutsche Bahn', 'Lufthansa', 'Ikea', 'Saturn', 'MediaMarkt', 'Rossmann', 'DM', 'Apotheke', 'Stadtwerke',
                     'Telekom', 'Vodafone', 'Allianz', 'Spotify', 'Uber', 'Starbucks', 'McDonalds', 'Zalando'),
                     ' ', 1 + (seq * 7919 % 2000) DIV 25)) AS payee,
           CASE WHEN seq % 97 = 0 THEN 'monthly rent' WHEN seq % 20 = 0 THEN CONCAT('invoice ', seq) ELSE '' END AS notes,
           IF(seq % 100 IN (3, 4), @transfer + seq DIV 100, NULL) AS transfer
    FROM seq_1_to_1000000000 WHERE seq <= @rows
) r;

INSERT INTO transfers (id, user_id, from_transaction_id, to_transaction_id)
SELECT @transfer + seq DIV 100, @user, @base + seq, @base + seq + 1
FROM seq_1_to_1000000000 WHERE seq <= @rows - 1 AND seq % 100 = 3;

-- Three parts adding up exactly to the row's amount (the last takes the remainder), in three expense subcategories.
INSERT INTO transaction_splits (transaction_id, user_id, category_id, amount, notes, position)
SELECT t.id, @user, @sub + 8 + (t.id + p.seq * 5) % 24,
       IF(p.seq < 2, ROUND(t.amount / 3, 2), t.amount - 2 * ROUND(t.amount / 3, 2)), IF(p.seq = 0, 'part', ''), p.seq
FROM transactions t JOIN seq_0_to_2 p
WHERE t.user_id = @user AND (t.id - @base) % 100 = 7;

INSERT INTO transaction_tags (transaction_id, user_id, tag, booking_date)
SELECT t.id, @user, ELT(1 + (t.id DIV 17) % 8, 'holiday', 'work', 'kids', 'car', 'gift', 'tax', 'health', 'home'), t.booking_date
FROM transactions t WHERE t.user_id = @user AND (t.id - @base) % 17 = 0;
INSERT INTO transaction_tags (transaction_id, user_id, tag, booking_date)
SELECT t.id, @user, 'reimbursable', t.booking_date FROM transactions t WHERE t.user_id = @user AND (t.id - @base) % 51 = 0;

UPDATE accounts a SET transactions_total =
    (SELECT COALESCE(SUM(t.amount), 0) FROM transactions t WHERE t.user_id = @user AND t.account_id = a.id)
WHERE a.user_id = @user;

DELETE FROM monthly_totals WHERE user_id = @user;
INSERT INTO monthly_totals (user_id, month, account_id, category_id, currency, transaction_count, income, spending)
SELECT @user, month, account_id, category_id, MAX(currency), SUM(n), SUM(GREATEST(amount, 0)), SUM(LEAST(amount, 0))
FROM (
    SELECT DATE_FORMAT(t.booking_date, '%Y-%m-01') AS month, t.account_id,
           IF(t.transfer_id IS NOT NULL, -1, COALESCE(t.category_id, 0)) AS category_id, t.currency, 1 AS n, t.amount
    FROM transactions t
    WHERE t.user_id = @user AND NOT EXISTS (SELECT 1 FROM transaction_splits s WHERE s.transaction_id = t.id)
    UNION ALL
    SELECT DATE_FORMAT(t.booking_date, '%Y-%m-01'), t.account_id, COALESCE(s.category_id, 0), t.currency,
           IF(s.position = 0, 1, 0), s.amount
    FROM transactions t JOIN transaction_splits s ON s.transaction_id = t.id
    WHERE t.user_id = @user
) e
GROUP BY month, account_id, category_id;

UPDATE users SET analytics_version = analytics_version + 1 WHERE id = @user;
COMMIT;
