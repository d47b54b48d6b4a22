using FinanceTracker.Web.Api;
using FinanceTracker.Web.Components.Shared;
using FinanceTracker.Web.Formatting;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace FinanceTracker.Web.Components.Pages.Transactions;

public partial class TransactionForm
{
    private EditContext _editContext = default!;
    private ServerValidator? _serverValidator;
    private TransactionFormModel? _boundModel;

    // Once the person picks money in/out themselves, choosing a category no longer overrides it.
    private bool _directionChosen;

    [Parameter, EditorRequired] public required TransactionFormModel Model { get; set; }
    [Parameter, EditorRequired] public required IReadOnlyList<Account> Accounts { get; set; }
    [Parameter, EditorRequired] public required IReadOnlyList<Category> Categories { get; set; }

    /// <summary>Called with a valid model.</summary>
    [Parameter] public EventCallback<TransactionFormModel> OnValidSubmit { get; set; }
    [Parameter] public EventCallback OnCancel { get; set; }

    /// <summary>When set, a Delete button is shown (editing an existing transaction).</summary>
    [Parameter] public EventCallback OnDelete { get; set; }
    [Parameter] public bool Saving { get; set; }
    [Parameter] public bool SaveDisabled { get; set; }

    /// <summary>A message shown above the fields (e.g. a conflict or a problem from the Api).</summary>
    [Parameter] public RenderFragment? Notice { get; set; }

    /// <summary>Shown under the fields, above the buttons (the receipts of a saved transaction).</summary>
    [Parameter] public RenderFragment? Attachments { get; set; }

    protected override void OnParametersSet()
    {
        if (!ReferenceEquals(Model, _boundModel))
        {
            // A new model (e.g. the current values after a conflict) needs a fresh validation state.
            _boundModel = Model;
            Model.AccountCurrencies = Accounts.ToDictionary(a => a.Id, a => a.Currency);
            _editContext = new EditContext(Model);
            // The preview depends on the split's parts too, which their own editor changes.
            _editContext.OnFieldChanged += (_, e) =>
            {
                if (e.FieldIdentifier.FieldName == nameof(TransactionFormModel.Splits))
                {
                    StateHasChanged();
                }
            };
            _directionChosen = Model.Version > 0;
        }
    }

    /// <summary>Shows the Api's field errors beside the fields; returns messages that fit no field.</summary>
    public IReadOnlyList<string> ShowServerErrors(ApiException problem) => _serverValidator?.Show(problem) ?? [];

    private async Task SubmitAsync()
    {
        if (!Saving && _editContext.Validate())
        {
            await OnValidSubmit.InvokeAsync(Model);
        }
    }

    private void AmountChanged()
    {
        // A typed sign says which way the money went: "-42" is money out, "+42" money in. The switch then shows the
        // direction and the sign leaves the text, so the field, the switch and the preview never disagree.
        if (AmountText.HasExplicitSign(Model.Amount) && AmountText.TryParse(Model.Amount, out var value) && value != 0)
        {
            Model.MoneyIn = value > 0;
            Model.Amount = AmountText.WithoutSign(Model.Amount);
            _directionChosen = true;
        }
    }

    private void CategoryChanged()
    {
        if (!_directionChosen && Categories.FirstOrDefault(c => c.Id == Model.CategoryId) is { } category)
        {
            Model.MoneyIn = category.Kind == CategoryKind.Income;
        }
    }

    private bool IsTransfer => Model.Mode == TransactionFormMode.Transfer;

    private void ModeChangedAsync(TransactionFormMode mode)
    {
        Model.Mode = mode;
        if (mode == TransactionFormMode.Split && Model.Splits.Count == 0)
        {
            // Two parts to start with: the first takes the whole amount and the chosen category, ready to be divided.
            Model.Splits.AddRange([new SplitLine { CategoryId = Model.CategoryId, Amount = Model.Amount }, new SplitLine()]);
        }
        if (mode == TransactionFormMode.Transfer)
        {
            Model.MoneyIn = false;
        }
        _editContext.NotifyValidationStateChanged();
    }

    // Re-validate the amount: its allowed decimals depend on the account's currency.
    private void AccountChanged() =>
        _editContext.NotifyFieldChanged(_editContext.Field(nameof(TransactionFormModel.Amount)));
}
